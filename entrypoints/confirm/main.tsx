import { createRoot } from 'react-dom/client';
import { ConfirmApp } from './ConfirmApp';
import './confirm.css';

const requestId = new URLSearchParams(location.search).get('id') ?? '';
createRoot(document.getElementById('root')!).render(<ConfirmApp requestId={requestId} />);
