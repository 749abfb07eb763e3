import { useState } from 'react';
import type { TabApi } from '../api/client';
import { useLoad, useSettled } from '../hooks/useLoad';

/** Where sharing the agenda to the meeting stage stands. */
export type Share =
  | { readonly status: 'idle' | 'sharing' | 'shared' }
  | { readonly status: 'failed'; readonly reason: string };

/** The meeting view's data: this week's agenda, and sharing it to the stage. */
export function useMeetingView({
  api,
  teamId,
  stageUrl,
  shareToStage,
  onSettled,
}: {
  readonly api: TabApi;
  readonly teamId: string;
  readonly stageUrl: string;
  readonly shareToStage?: (url: string) => Promise<void>;
  readonly onSettled?: () => void;
}) {
  const { state, reload } = useLoad(`agenda:${teamId}`, (signal) =>
    api.getMeetingAgenda(teamId, signal),
  );
  const [share, setShare] = useState<Share>({ status: 'idle' });

  useSettled(state.status, onSettled);
  const onShare = async () => {
    if (!shareToStage) return;
    setShare({ status: 'sharing' });
    try {
      await shareToStage(stageUrl);
      setShare({ status: 'shared' });
    } catch (error) {
      setShare({
        status: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return { state, reload, share, onShare };
}
