import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { PopupApp } from './PopupApp';

createRoot(document.getElementById('root')!).render(<PopupApp />);
