// Local notifications through tauri-plugin-notification (no network, no push service).
import {
  isPermissionGranted,
  requestPermission,
  sendNotification,
} from '@tauri-apps/plugin-notification';
import type { Notifier } from '../outcomes/reminder';

export function tauriNotifier(): Notifier {
  return {
    async permit() {
      if (await isPermissionGranted()) return true;
      return (await requestPermission()) === 'granted';
    },
    async send(title, body) {
      sendNotification({ title, body });
    },
  };
}
