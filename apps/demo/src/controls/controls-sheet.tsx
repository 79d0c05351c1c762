import { Avatar, CloseIcon, ConfirmDialog, useChatStrings } from '@tidings/components';
import { useEffect, useId, useRef, useState } from 'react';
import { SignOutIcon } from '../app-icons/app-icons';
import { FAILURE_RATES, LATENCIES, useTabNetwork } from '../session/network';
import type { Session } from '../session/session';
import { useDemoStrings, usePreferences } from '../settings/preferences';
import { resetDemoData, type World } from '../world/world';
import { LOADS, TRAFFIC_INTERVALS, useWorldSettings, worldSettingsStore } from '../world/world-settings';
import { PreferencePickers } from './preference-pickers';
import { Segmented } from './segmented';
import { Toggle } from './toggle';

/** Props of {@link ControlsSheet}. */
export interface ControlsSheetProps {
  open: boolean;
  onClose(): void;
  session: Session;
  world: World;
  onSignOut(): void;
}

/** Tells the other tabs to let go of the demo's databases and reload (after a reset). */
const CONTROL_CHANNEL = 'tidings-demo:control';

/** Reloads this tab when another tab resets the demo. */
export function listenForReset(world: World): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(CONTROL_CHANNEL);
  channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type !== 'reset') return;
    void world.hub.close().finally(() => {
      sessionStorage.clear();
      setTimeout(() => location.reload(), 300);
    });
  };
  return () => channel.close();
}

/**
 * The demo controls, in a side sheet (a modal `<dialog>`): the account, the look (theme, language,
 * direction), this tab's network (offline, latency, failures), the simulated people and traffic, and the
 * load (a world with 10,000 or 100,000 more conversations per account).
 */
export function ControlsSheet({ open, onClose, session, world, onSignOut }: ControlsSheetProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const { locale } = usePreferences();
  const settings = useWorldSettings();
  const network = useTabNetwork(session.network);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleID = useId();
  const [resetting, setResetting] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const number = (value: number) => value.toLocaleString(locale);

  const reset = async () => {
    setResetting(true);
    if (typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(CONTROL_CHANNEL);
      channel.postMessage({ type: 'reset' });
      channel.close();
    }
    await session.end();
    // Other tabs need a moment to close their databases before they can be deleted.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await resetDemoData(world);
    sessionStorage.clear();
    location.reload();
  };

  return (
    <dialog
      ref={dialog}
      className="demo-sheet"
      aria-labelledby={titleID}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes the sheet.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="demo-sheet-content">
        <header className="demo-sheet-header">
          <h2 id={titleID} className="demo-sheet-title">
            {t.controlsTitle}
          </h2>
          <button type="button" className="demo-icon-button" aria-label={kit.close} onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        <p className="demo-hint">{t.controlsIntro}</p>

        <section
          className="demo-sheet-section demo-sheet-account"
          aria-label={t.account(session.profile.nick)}
        >
          <Avatar
            src={session.profile.faceUrl}
            name={session.profile.nick}
            colorKey={session.userID}
            size={40}
            decorative
          />
          <p className="demo-sheet-account-name">
            {t.signedInAs(session.profile.nick)}
            <span className="demo-hint">{session.userID}</span>
          </p>
          <button type="button" className="demo-button" onClick={onSignOut}>
            <SignOutIcon size={18} />
            {t.switchUser}
          </button>
        </section>

        <section className="demo-sheet-section">
          <h3 className="demo-sheet-section-title">{t.appearance}</h3>
          <PreferencePickers />
        </section>

        <section className="demo-sheet-section">
          <h3 className="demo-sheet-section-title">{t.network}</h3>
          <p className="demo-hint">{t.networkHint}</p>
          <Toggle
            label={t.online}
            checked={network.online}
            onChange={(online) => session.network.set({ online })}
          />
          <Segmented
            label={t.latency}
            options={LATENCIES.map((ms) => ({
              value: ms,
              label: ms === 0 ? t.latencyNone : t.latencyMs(ms),
            }))}
            value={network.latencyMs as (typeof LATENCIES)[number]}
            onChange={(latencyMs) => session.network.set({ latencyMs })}
          />
          <Segmented
            label={t.failureRate}
            options={FAILURE_RATES.map((rate) => ({
              value: rate,
              label: rate === 0 ? t.failureNone : t.failurePercent(Math.round(rate * 100)),
            }))}
            value={network.failureRate as (typeof FAILURE_RATES)[number]}
            onChange={(failureRate) => session.network.set({ failureRate })}
          />
        </section>

        <section className="demo-sheet-section">
          <h3 className="demo-sheet-section-title">{t.world}</h3>
          <Toggle
            label={t.botsReply}
            hint={t.botsReplyHint}
            checked={settings.botsReply}
            disabled={world.load > 0}
            onChange={(botsReply) => worldSettingsStore.set({ botsReply })}
          />
          <Toggle
            label={t.groupChatter}
            hint={t.groupChatterHint}
            checked={settings.groupChatter}
            disabled={world.load > 0}
            onChange={(groupChatter) => worldSettingsStore.set({ groupChatter })}
          />
          <Segmented
            label={t.traffic}
            hint={t.trafficHint}
            options={TRAFFIC_INTERVALS.map((ms) => ({
              value: ms,
              label: ms === 0 ? t.trafficOff : t.trafficEvery(ms),
            }))}
            value={settings.trafficMs}
            onChange={(trafficMs) => worldSettingsStore.set({ trafficMs })}
          />
        </section>

        <section className="demo-sheet-section">
          <h3 className="demo-sheet-section-title">{t.load}</h3>
          <Segmented
            label={t.load}
            labelHidden
            hint={t.loadHint}
            options={LOADS.map((load) => ({
              value: load,
              label: load === 0 ? t.loadNone : t.loadConversations(number(load)),
            }))}
            value={settings.load}
            onChange={(load) => worldSettingsStore.set({ load })}
          />
        </section>

        <section className="demo-sheet-section">
          <button
            type="button"
            className="demo-button"
            data-variant="danger"
            disabled={resetting}
            onClick={reset}
          >
            {t.resetDemo}
          </button>
          <p className="demo-hint">{t.resetDemoHint}</p>
          <p className="demo-hint">{world.hub.isLeader ? t.worldLeader : t.worldFollower}</p>
        </section>
      </div>
      <ConfirmDialog
        open={confirmingReset}
        onOpenChange={setConfirmingReset}
        title={t.resetDemoConfirm}
        description={t.resetDemoHint}
        confirmLabel={t.resetDemo}
        destructive
        onConfirm={() => void reset()}
      />
    </dialog>
  );
}
