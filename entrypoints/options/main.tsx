import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { OptionsApp } from './OptionsApp';
import { localizeDocument, strings } from '../../components/strings';

localizeDocument(strings.options.title);

createRoot(document.getElementById('root')!).render(<OptionsApp />);
