import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Last line of defence: a readable message instead of a blank task pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('進行管理票チェッカー: unexpected error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 16, lineHeight: 1.6 }}>
        <p>進行管理票チェッカーで予期しないエラーが起きました。作業ウィンドウを閉じて、開き直してください。</p>
        <p lang="en">Progress Sheet Checker hit an unexpected error. Close the task pane and open it again.</p>
        <details>
          <summary>詳細 (details)</summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{String(this.state.error.message)}</pre>
        </details>
      </div>
    );
  }
}
