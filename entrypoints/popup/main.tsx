import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { PopupApp } from './PopupApp';
import { strings } from '../../components/strings';

document.title = strings.appName;

createRoot(document.getElementById('root')!).render(<PopupApp />);
