import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ConfirmApp } from './ConfirmApp';
import { strings } from '../../components/strings';

document.title = strings.confirm.windowTitle;

const query = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(<ConfirmApp requestId={query.get('id') ?? ''} pastId={query.get('history')} />);
