import { createRoot } from 'react-dom/client';
import { noticeFromUrl } from '../commands/feedback';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { NoticePage } from './NoticePage';
import { localeOf, stringsFor } from './strings';

const container = document.getElementById('root');
if (container) {
  // Opened by a ribbon button as a dialog: show its notice instead of the pane.
  const notice = noticeFromUrl(location.href);
  const language = (navigator.language || 'ja').toLowerCase();
  createRoot(container).render(
    <ErrorBoundary>{notice ? <NoticePage notice={notice} closeLabel={stringsFor(localeOf(language)).close} /> : <App />}</ErrorBoundary>,
  );
}
