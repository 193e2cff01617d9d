import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { PopupApp } from './PopupApp';
import { localizeDocument, strings } from '../../components/strings';

localizeDocument(strings.appName);

createRoot(document.getElementById('root')!).render(<PopupApp />);
