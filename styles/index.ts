// Loaded by Slidev on every page. Fonts come from npm (@fontsource) and are
// bundled with the deck, so nothing is fetched from Google Fonts at run time;
// the headmatter sets `fonts.provider: none` to match.
import '@fontsource/nunito-sans/400.css'
import '@fontsource/nunito-sans/400-italic.css'
import '@fontsource/nunito-sans/600.css'
import '@fontsource/nunito-sans/700.css'
import '@fontsource/fira-code/400.css'
import '@fontsource/fira-code/500.css'

import './palette.css'
import './theme.css'
