use std::sync::{Arc, Mutex, PoisonError};

/// Statements executed through a connection from [`crate::TestDb::counted`], in order.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter {
    statements: Arc<Mutex<Vec<String>>>,
}

impl StatementCounter {
    /// How many statements ran since creation or the last [`StatementCounter::reset`].
    pub fn count(&self) -> usize {
        self.lock().len()
    }

    /// Forget what was counted so far, e.g. after the test's setup.
    pub fn reset(&self) {
        self.lock().clear();
    }

    /// The SQL of each statement (with `$n` placeholders), in execution order.
    pub fn statements(&self) -> Vec<String> {
        self.lock().clone()
    }

    pub(crate) fn record(&self, sql: &str) {
        self.lock().push(sql.to_owned());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        // A panicking test thread must not hide the statements from the assertion message.
        self.statements.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
