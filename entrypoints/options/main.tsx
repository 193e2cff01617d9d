import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { OptionsApp } from './OptionsApp';
import { strings } from '../../components/strings';

document.title = strings.options.title;

createRoot(document.getElementById('root')!).render(<OptionsApp />);
