import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ConfirmApp } from './ConfirmApp';
import { localizeDocument, strings } from '../../components/strings';

localizeDocument(strings.confirm.windowTitle);

const query = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(<ConfirmApp requestId={query.get('id') ?? ''} pastId={query.get('history')} />);
