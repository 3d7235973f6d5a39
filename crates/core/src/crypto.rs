//! Encryption of secret columns (TOTP seeds, credentials, key material): AES-256-GCM under a key
//! from `CYBERSHIELD_SECRET_KEY`, in a self-describing envelope so keys can rotate.
//!
//! Envelope: `version (1 byte) | key id (8 bytes) | nonce (12 bytes) | ciphertext + tag (16)`.
//! The key id is the first 8 bytes of SHA-256 of the key: it names the key that can open the
//! envelope without revealing it. Version and key id are authenticated as associated data, so
//! neither can be swapped without the tag failing.

use std::fmt;
use std::io::Write;
use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// The envelope format written by [`SecretKeys::encrypt`].
pub const ENVELOPE_VERSION: u8 = 1;
const KEY_ID_LEN: usize = 8;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
const HEADER_LEN: usize = 1 + KEY_ID_LEN + NONCE_LEN;

/// Why a key could not be read or an envelope could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("a secret key must be the base64 encoding of exactly 32 random bytes ({0})")]
    BadKey(String),
    #[error("the envelope is truncated or not in a known format")]
    Malformed,
    #[error("no configured key has the envelope's key id {0}")]
    UnknownKey(String),
    #[error("the envelope failed authentication (tampered with, or encrypted under another key)")]
    Tampered,
}

/// One AES-256 key and its id.
#[derive(Clone)]
struct SecretKey {
    id: [u8; KEY_ID_LEN],
    cipher: Aes256Gcm,
}

impl SecretKey {
    fn from_bytes(bytes: &[u8]) -> Result<Self, CryptoError> {
        if bytes.len() != 32 {
            return Err(CryptoError::BadKey(format!("it decodes to {} bytes", bytes.len())));
        }
        let digest = Sha256::digest(bytes);
        let mut id = [0u8; KEY_ID_LEN];
        id.copy_from_slice(&digest[..KEY_ID_LEN]);
        let cipher = Aes256Gcm::new_from_slice(bytes).map_err(|_| CryptoError::BadKey("wrong length".into()))?;
        Ok(SecretKey { id, cipher })
    }

    fn from_base64(text: &str) -> Result<Self, CryptoError> {
        let bytes = STANDARD.decode(text.trim()).map_err(|_| CryptoError::BadKey("it is not valid base64".into()))?;
        Self::from_bytes(&bytes)
    }
}

/// The current key (encrypts) and earlier keys (still decrypt what they wrote).
#[derive(Clone)]
pub struct SecretKeys {
    current: SecretKey,
    previous: Vec<SecretKey>,
}

// The keys never reach a log: only their ids are shown.
impl fmt::Debug for SecretKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretKeys")
            .field("current", &hex(&self.current.id))
            .field("previous", &self.previous.iter().map(|k| hex(&k.id)).collect::<Vec<_>>())
            .finish()
    }
}

impl SecretKeys {
    /// Keys from their base64 text (each 32 bytes once decoded).
    pub fn from_base64(current: &str, previous: &[&str]) -> Result<Self, CryptoError> {
        Ok(SecretKeys {
            current: SecretKey::from_base64(current)?,
            previous: previous.iter().map(|k| SecretKey::from_base64(k)).collect::<Result<_, _>>()?,
        })
    }

    /// A fresh random key, held only in memory: what it encrypts cannot be read by another
    /// process or after a restart. For tests and tools, never for a server's stored secrets.
    pub fn ephemeral() -> Self {
        SecretKeys { current: SecretKey::from_bytes(&random_key()).expect("32 bytes"), previous: Vec::new() }
    }

    /// The id of the current key (the first 8 bytes of its SHA-256).
    pub fn key_id(&self) -> [u8; 8] {
        self.current.id
    }

    /// Encrypts under the current key with a fresh random nonce.
    pub fn encrypt(&self, plaintext: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system's random number generator failed");
        let mut envelope = Vec::with_capacity(HEADER_LEN + plaintext.len() + TAG_LEN);
        envelope.push(ENVELOPE_VERSION);
        envelope.extend_from_slice(&self.current.id);
        envelope.extend_from_slice(&nonce);
        let sealed = self
            .current
            .cipher
            .encrypt(&Nonce::from(nonce), Payload { msg: plaintext, aad: &envelope[..1 + KEY_ID_LEN] })
            // Only fails for inputs of gigabytes (beyond GCM's limits), which no column holds.
            .expect("AES-GCM encryption of a bounded input");
        envelope.extend_from_slice(&sealed);
        envelope
    }

    /// Opens an envelope written under the current key or any previous one.
    pub fn decrypt(&self, envelope: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if envelope.len() < HEADER_LEN + TAG_LEN || envelope[0] != ENVELOPE_VERSION {
            return Err(CryptoError::Malformed);
        }
        let id = &envelope[1..1 + KEY_ID_LEN];
        let key = std::iter::once(&self.current)
            .chain(&self.previous)
            .find(|k| k.id == id)
            .ok_or_else(|| CryptoError::UnknownKey(hex(id)))?;
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&envelope[1 + KEY_ID_LEN..HEADER_LEN]);
        key.cipher
            .decrypt(&Nonce::from(nonce), Payload { msg: &envelope[HEADER_LEN..], aad: &envelope[..1 + KEY_ID_LEN] })
            .map_err(|_| CryptoError::Tampered)
    }

    /// Whether `envelope` was written under an earlier key (re-encrypt it to finish a rotation).
    pub fn needs_rotation(&self, envelope: &[u8]) -> bool {
        envelope.len() > KEY_ID_LEN && envelope[1..1 + KEY_ID_LEN] != self.current.id
    }
}

fn random_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("the operating system's random number generator failed");
    key
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new key as `CYBERSHIELD_SECRET_KEY` takes it (what `openssl rand -base64 32` prints).
pub fn generate_key_base64() -> String {
    STANDARD.encode(random_key())
}

/// The key kept in `path` (base64, one line), created with mode 0600 when it does not exist yet.
/// Two processes racing to create it end up with the same key: the file appears whole or not at
/// all (written aside, then hard-linked into place, which fails if another process won).
pub fn load_or_create_key_file(path: &Path) -> std::io::Result<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => return Ok(text.trim().to_string()),
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        Err(_) => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let key = generate_key_base64();
    let temp = path.with_extension(format!("tmp-{}", std::process::id()));
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&temp)?;
        file.write_all(format!("{key}\n").as_bytes())?;
        file.sync_all()?;
    }
    let linked = std::fs::hard_link(&temp, path);
    let _ = std::fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(key),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Ok(std::fs::read_to_string(path)?.trim().to_string())
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> String {
        generate_key_base64()
    }

    #[test]
    fn round_trip() {
        let keys = SecretKeys::from_base64(&key(), &[]).unwrap();
        for plaintext in [&b""[..], b"x", b"a twenty-byte seed!!", &[0u8; 1000]] {
            let envelope = keys.encrypt(plaintext);
            assert_eq!(envelope.len(), HEADER_LEN + plaintext.len() + TAG_LEN);
            assert_eq!(envelope[0], ENVELOPE_VERSION);
            assert_eq!(envelope[1..9], keys.key_id());
            assert_eq!(keys.decrypt(&envelope).unwrap(), plaintext);
        }
    }

    #[test]
    fn each_encryption_uses_a_fresh_nonce() {
        let keys = SecretKeys::from_base64(&key(), &[]).unwrap();
        assert_ne!(keys.encrypt(b"same"), keys.encrypt(b"same"));
    }

    #[test]
    fn the_ciphertext_does_not_contain_the_plaintext() {
        let keys = SecretKeys::from_base64(&key(), &[]).unwrap();
        let secret = b"0123456789abcdefghij";
        let envelope = keys.encrypt(secret);
        assert!(!envelope.windows(secret.len()).any(|w| w == secret));
    }

    #[test]
    fn tampering_is_detected_anywhere() {
        let keys = SecretKeys::from_base64(&key(), &[]).unwrap();
        let envelope = keys.encrypt(b"a twenty-byte seed!!");
        for i in 0..envelope.len() {
            let mut bad = envelope.clone();
            bad[i] ^= 0x01;
            assert!(keys.decrypt(&bad).is_err(), "a flipped bit at byte {i} went unnoticed");
        }
        assert_eq!(keys.decrypt(&envelope[..envelope.len() - 1]), Err(CryptoError::Tampered));
        assert_eq!(keys.decrypt(&envelope[..HEADER_LEN]), Err(CryptoError::Malformed));
        assert_eq!(keys.decrypt(b""), Err(CryptoError::Malformed));
    }

    #[test]
    fn rotation_decrypts_with_any_key_and_encrypts_with_the_current_one() {
        let (old, new) = (key(), key());
        let before = SecretKeys::from_base64(&old, &[]).unwrap();
        let written_before = before.encrypt(b"seed");
        let after = SecretKeys::from_base64(&new, &[&old]).unwrap();
        assert_eq!(after.decrypt(&written_before).unwrap(), b"seed");
        assert!(after.needs_rotation(&written_before));
        let written_after = after.encrypt(b"seed");
        assert_eq!(written_after[1..9], after.key_id());
        assert!(!after.needs_rotation(&written_after));
        assert_ne!(after.key_id(), before.key_id());
        // The old key alone cannot read what the new one wrote.
        assert!(matches!(before.decrypt(&written_after), Err(CryptoError::UnknownKey(_))));
    }

    #[test]
    fn a_wrong_key_cannot_decrypt() {
        let keys = SecretKeys::from_base64(&key(), &[]).unwrap();
        let envelope = keys.encrypt(b"seed");
        let other = SecretKeys::from_base64(&key(), &[]).unwrap();
        assert!(matches!(other.decrypt(&envelope), Err(CryptoError::UnknownKey(_))));
        // Even with the right key id forged in, the tag fails under the wrong key.
        let mut forged = envelope.clone();
        forged[1..9].copy_from_slice(&other.key_id());
        assert_eq!(other.decrypt(&forged), Err(CryptoError::Tampered));
    }

    #[test]
    fn bad_keys_are_refused() {
        assert!(matches!(SecretKeys::from_base64("not base64!", &[]), Err(CryptoError::BadKey(_))));
        assert!(matches!(SecretKeys::from_base64(&STANDARD.encode([0u8; 16]), &[]), Err(CryptoError::BadKey(_))));
        assert!(matches!(SecretKeys::from_base64(&key(), &["short"]), Err(CryptoError::BadKey(_))));
    }

    #[test]
    fn debug_output_shows_key_ids_only() {
        let text = key();
        let keys = SecretKeys::from_base64(&text, &[]).unwrap();
        let debug = format!("{keys:?}");
        assert!(!debug.contains(&text), "{debug}");
        assert!(debug.contains(&hex(&keys.key_id())), "{debug}");
    }

    #[test]
    fn key_files_are_created_once_with_mode_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("cs-key-{}", uuid::Uuid::now_v7().simple()));
        let path = dir.join("secret.key");
        let first = load_or_create_key_file(&path).unwrap();
        let second = load_or_create_key_file(&path).unwrap();
        assert_eq!(first, second);
        assert!(SecretKeys::from_base64(&first, &[]).is_ok());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
