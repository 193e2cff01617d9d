import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ConfirmApp } from './ConfirmApp';

const query = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(<ConfirmApp requestId={query.get('id') ?? ''} pastId={query.get('history')} />);
