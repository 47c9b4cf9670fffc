//! The platform keystore that holds the data key when no passcode is set (`ebb_core::keys`):
//! Secret Service on Linux, the Keychain on macOS and iOS, Credential Manager on Windows, through
//! the `keyring` crate. Android has no backend in `keyring`; there the key file stays in the
//! app's private folder and Settings says a passcode is what protects it.

use std::path::Path;
use std::sync::Arc;

use ebb_core::keys::{Keystore, NoKeystore};

/// The keystore for the data folder `dir`. Each folder has its own entry, so a portable folder
/// or a test's folder never reads another's key.
pub fn for_folder(dir: &Path) -> Arc<dyn Keystore> {
    // Debug builds only: the end-to-end tests keep their keys in their own folders, never in
    // the developer's keyring.
    #[cfg(debug_assertions)]
    if std::env::var("EBB_KEYSTORE").as_deref() == Ok("none") {
        return Arc::new(NoKeystore);
    }
    platform(dir)
}

#[cfg(any(target_os = "linux", target_os = "macos", target_os = "ios", target_os = "windows"))]
fn platform(dir: &Path) -> Arc<dyn Keystore> {
    // With no session bus there is no Secret Service to ask (a bare session, CI), and asking
    // would only wait for D-Bus to give up.
    #[cfg(target_os = "linux")]
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return Arc::new(NoKeystore);
    }
    Arc::new(PlatformKeystore { user: format!("data-key:{}", dir.display()) })
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "macos",
    target_os = "ios",
    target_os = "windows"
)))]
fn platform(_dir: &Path) -> Arc<dyn Keystore> {
    Arc::new(NoKeystore)
}

/// One `keyring` entry, service "Ebb".
#[cfg(any(target_os = "linux", target_os = "macos", target_os = "ios", target_os = "windows"))]
struct PlatformKeystore {
    user: String,
}

#[cfg(any(target_os = "linux", target_os = "macos", target_os = "ios", target_os = "windows"))]
impl PlatformKeystore {
    fn entry(&self) -> Result<keyring::Entry, String> {
        keyring::Entry::new("Ebb", &self.user).map_err(|e| e.to_string())
    }
}

#[cfg(any(target_os = "linux", target_os = "macos", target_os = "ios", target_os = "windows"))]
impl Keystore for PlatformKeystore {
    fn name(&self) -> String {
        if cfg!(target_os = "linux") {
            "Secret Service".to_owned()
        } else if cfg!(target_os = "windows") {
            "Credential Manager".to_owned()
        } else {
            "Keychain".to_owned()
        }
    }

    fn load(&self) -> Result<Option<zeroize::Zeroizing<String>>, String> {
        match self.entry()?.get_password() {
            Ok(secret) => Ok(Some(zeroize::Zeroizing::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    fn save(&self, secret: &str) -> Result<(), String> {
        self.entry()?.set_password(secret).map_err(|e| e.to_string())?;
        // Read back: some backends accept a write they can't keep (a locked collection).
        match self.load()? {
            Some(back) if back.as_str() == secret => Ok(()),
            _ => Err("the keystore didn't keep the key".to_owned()),
        }
    }

    fn delete(&self) -> Result<(), String> {
        match self.entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}
