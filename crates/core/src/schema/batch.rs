//! Batching a level's relation lookups into one statement, decided by the data and the
//! executor's polling rather than by a timer.
//!
//! async-graphql resolves the items of a list concurrently but the fields of a nested object one
//! after another, so a row asks for its second relation only once its first has been fetched
//! (and rows whose first relation is NULL ask earlier). Two things keep a level to one statement
//! per relation whatever the timing: the level above primes each child loader with every key
//! its rows hold ([`Batcher::prime`], planned from the selection in `resolve.rs`), and a key is
//! fetched once per request. A batch is sent once a yield to the scheduler brought no new key.
//! The timer-based loader this replaces (a 1 ms window, dispatched from another task) split S3
//! of the benchmark into 17.6 statements instead of 11 and added the window to every level.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use futures_util::FutureExt;
use futures_util::future::{BoxFuture, Shared};

use crate::error::{ApiError, ApiResult};

/// Fetches the values of many keys in one statement.
pub trait BatchLoad: Send + Sync + 'static {
    type Value: Clone + Send + Sync + 'static;

    /// The values of `keys` (each key once); a key without a value is absent from the map.
    fn load(&self, keys: Vec<String>) -> impl Future<Output = ApiResult<HashMap<String, Self::Value>>> + Send;
}

type Outcome<V> = Result<Arc<HashMap<String, V>>, ApiError>;

type SharedOutcome<V> = Shared<BoxFuture<'static, Outcome<V>>>;

/// A batch still taking keys.
struct OpenBatch<V> {
    keys: Arc<Mutex<HashSet<String>>>,
    /// Every key added, duplicates included: a sibling asking for a key already in the batch
    /// still shows the level is being resolved.
    calls: Arc<AtomicUsize>,
    /// Shared by every caller: whichever of them is polled drives it, so a caller dropped
    /// midway (its branch failed) leaves the others served.
    outcome: SharedOutcome<V>,
}

struct Slots<V> {
    open: Option<OpenBatch<V>>,
    /// The batch each key went into (open, in flight or done): a key is fetched once per
    /// request, and a key primed by the level above is found here by its resolver.
    known: HashMap<String, SharedOutcome<V>>,
}

/// One loader of a request (a relation with its arguments and selection).
pub struct Batcher<L: BatchLoad> {
    loader: Arc<L>,
    slots: Arc<Mutex<Slots<L::Value>>>,
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl<L: BatchLoad> Batcher<L> {
    pub fn new(loader: L) -> Self {
        Self { loader: Arc::new(loader), slots: Arc::new(Mutex::new(Slots { open: None, known: HashMap::new() })) }
    }

    /// The value of `key`, fetched together with the keys its siblings ask for.
    pub async fn load_one(&self, key: String) -> ApiResult<Option<L::Value>> {
        let outcome = {
            let mut slots = locked(&self.slots);
            match slots.known.get(&key) {
                Some(outcome) => outcome.clone(),
                None => self.add(&mut slots, key.clone()),
            }
        };
        let values = outcome.await?;
        Ok(values.get(&key).cloned())
    }

    /// Puts `keys` into the open batch before anyone asks for them: the level above knows every
    /// key its rows will ask for, while async-graphql resolves a row's fields one after another
    /// (a row's second relation is asked for only once its first has been fetched).
    pub fn prime(&self, keys: impl IntoIterator<Item = String>) {
        let mut slots = locked(&self.slots);
        for key in keys {
            if !slots.known.contains_key(&key) {
                let _queued = self.add(&mut slots, key);
            }
        }
    }

    fn add(&self, slots: &mut Slots<L::Value>, key: String) -> SharedOutcome<L::Value> {
        let batch = slots.open.get_or_insert_with(|| self.open_batch());
        locked(&batch.keys).insert(key.clone());
        batch.calls.fetch_add(1, Ordering::SeqCst);
        let outcome = batch.outcome.clone();
        slots.known.insert(key, outcome.clone());
        outcome
    }

    fn open_batch(&self) -> OpenBatch<L::Value> {
        let keys = Arc::new(Mutex::new(HashSet::new()));
        let calls = Arc::new(AtomicUsize::new(0));
        // Weak: the slots hold this future, which must not keep them alive.
        let slots: Weak<Mutex<Slots<L::Value>>> = Arc::downgrade(&self.slots);
        let loader = self.loader.clone();
        let (batch_keys, batch_calls) = (keys.clone(), calls.clone());
        let outcome = async move {
            loop {
                let seen = batch_calls.load(Ordering::SeqCst);
                tokio::task::yield_now().await;
                if batch_calls.load(Ordering::SeqCst) == seen {
                    break;
                }
            }
            // Closed: a later key opens the next batch. Keys join under the slots' lock, so
            // none can arrive between this and taking them.
            if let Some(slots) = slots.upgrade() {
                let mut slots = locked(&slots);
                if slots.open.as_ref().is_some_and(|b| Arc::ptr_eq(&b.keys, &batch_keys)) {
                    slots.open = None;
                }
            }
            let keys: Vec<String> = std::mem::take(&mut *locked(&batch_keys)).into_iter().collect();
            loader.load(keys).await.map(Arc::new)
        }
        .boxed()
        .shared();
        OpenBatch { keys, calls, outcome }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records each batch it is asked for.
    struct Recorder {
        batches: Batches,
    }

    impl BatchLoad for Recorder {
        type Value = String;

        async fn load(&self, mut keys: Vec<String>) -> ApiResult<HashMap<String, String>> {
            keys.sort();
            locked(&self.batches).push(keys.clone());
            Ok(keys.into_iter().filter(|k| k != "missing").map(|k| (k.clone(), format!("value of {k}"))).collect())
        }
    }

    type Batches = Arc<Mutex<Vec<Vec<String>>>>;

    fn recorder() -> (Batcher<Recorder>, Batches) {
        let batches = Arc::new(Mutex::new(Vec::new()));
        (Batcher::new(Recorder { batches: batches.clone() }), batches)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn siblings_polled_together_share_one_batch_even_when_slow() {
        let (batcher, batches) = recorder();
        // Siblings that each burn CPU before asking (as resolving a wide row does on a busy
        // machine) still land in the batch: what counts is the pass, not the clock.
        let siblings = (0..200).map(|i| {
            let batcher = &batcher;
            async move {
                let started = std::time::Instant::now();
                while started.elapsed() < std::time::Duration::from_micros(50) {
                    std::hint::spin_loop();
                }
                batcher.load_one(format!("k{}", i % 50)).await
            }
        });
        let values = futures_util::future::join_all(siblings).await;
        assert_eq!(locked(&batches).len(), 1, "one batch for the whole level");
        assert_eq!(locked(&batches)[0].len(), 50, "each key once");
        assert_eq!(values[51].as_ref().unwrap().as_deref(), Some("value of k1"));
    }

    #[tokio::test]
    async fn a_later_level_opens_a_new_batch_and_missing_keys_are_none() {
        let (batcher, batches) = recorder();
        let first = batcher.load_one("a".into()).await.unwrap();
        let (second, missing) = tokio::join!(batcher.load_one("b".into()), batcher.load_one("missing".into()));
        assert_eq!(first.as_deref(), Some("value of a"));
        assert_eq!(second.unwrap().as_deref(), Some("value of b"));
        assert_eq!(missing.unwrap(), None);
        assert_eq!(*locked(&batches), vec![vec!["a".to_string()], vec!["b".to_string(), "missing".to_string()]]);
    }

    #[tokio::test]
    async fn primed_keys_go_in_one_batch_and_each_key_is_fetched_once() {
        let (batcher, batches) = recorder();
        batcher.prime(["a".to_string(), "b".to_string()]);
        // Asked for one after the other, as a row's fields are: still the one primed batch.
        assert_eq!(batcher.load_one("a".into()).await.unwrap().as_deref(), Some("value of a"));
        assert_eq!(batcher.load_one("b".into()).await.unwrap().as_deref(), Some("value of b"));
        assert_eq!(batcher.load_one("a".into()).await.unwrap().as_deref(), Some("value of a"));
        assert_eq!(*locked(&batches), vec![vec!["a".to_string(), "b".to_string()]]);
    }

    #[tokio::test]
    async fn a_dropped_caller_leaves_its_siblings_served() {
        let (batcher, batches) = recorder();
        let mut first = Box::pin(batcher.load_one("a".into()));
        // Polled once: it opened the batch and started driving it; then it is abandoned.
        assert!(futures_util::poll!(&mut first).is_pending());
        let second = batcher.load_one("b".into());
        drop(first);
        assert_eq!(second.await.unwrap().as_deref(), Some("value of b"));
        assert_eq!(*locked(&batches), vec![vec!["a".to_string(), "b".to_string()]]);
    }
}
