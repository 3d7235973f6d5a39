//! Logs: `tracing` to stderr (stdout stays for command output such as `schema` and `health`),
//! filtered by `RUST_LOG`, `info` by default, in the format of `CYBERSHIELD_LOG_FORMAT`: `json`
//! (one object per line, for log shippers), `text` (one line per event), `pretty` (several
//! coloured lines), `auto` (the default: `pretty` on a terminal, else `text`). Colours only
//! when stderr is a terminal.
//!
//! Spans: `request` per HTTP request (method, uri, request_id), `graphql` per operation within it
//! (operation, request_id, viewer); SQL statements are `debug` events of target `cybershield::sql`
//! inside them, slow ones `warn` (see [`crate::monitoring::instrument_sql`]).
//!
//! With the cargo feature `otlp`, spans are also exported over OTLP (HTTP/protobuf) when
//! `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; the
//! exporter reads the other `OTEL_*` variables itself.

use std::io::IsTerminal;

use cybershield_core::config::LogFormat;
use tracing::Subscriber;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The filter without `RUST_LOG`: `info`, except PostgreSQL's notices ("relation … already
/// exists, skipping") that sqlx reports at `info`, and sqlx's own slow-statement warnings: the
/// gateway logs slow statements itself (`CYBERSHIELD_SLOW_QUERY_MS`, target `cybershield::sql`).
pub const DEFAULT_FILTER: &str = "info,sqlx::postgres::notice=warn,sqlx::query=error";

/// Installs the global subscriber. An unusable `RUST_LOG` falls back to [`DEFAULT_FILTER`] with a
/// warning; an unusable `CYBERSHIELD_LOG_FORMAT` to `auto`.
pub fn init() {
    let mut warnings = Vec::new();
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => EnvFilter::try_new(&value).unwrap_or_else(|e| {
            warnings.push(format!("ignoring RUST_LOG={value:?}: {e}"));
            EnvFilter::new(DEFAULT_FILTER)
        }),
        _ => EnvFilter::new(DEFAULT_FILTER),
    };
    // A bad value stops the command right after, with the configuration's own message.
    let format = LogFormat::from_env().unwrap_or_default();
    let terminal = std::io::stderr().is_terminal();
    let registry = tracing_subscriber::registry().with(filter).with(fmt_layer(format, terminal, std::io::stderr));
    #[cfg(feature = "otlp")]
    let registry = registry.with(otlp::layer(&mut warnings));
    registry.init();
    for warning in warnings {
        tracing::warn!("{warning}");
    }
}

/// Sends the spans still buffered for OTLP (a no-op without the `otlp` feature or endpoint).
pub fn flush() {
    #[cfg(feature = "otlp")]
    otlp::shutdown();
}

/// The formatting layer of `format` writing to `writer`; `terminal` picks `auto`'s format and
/// turns colours on.
pub fn fmt_layer<S, W>(format: LogFormat, terminal: bool, writer: W) -> Box<dyn Layer<S> + Send + Sync>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let layer = tracing_subscriber::fmt::layer().with_writer(writer);
    match format {
        // Event fields at the top level, next to the current span and the list of spans.
        LogFormat::Json => layer.json().flatten_event(true).with_current_span(true).with_span_list(true).boxed(),
        LogFormat::Pretty => layer.pretty().with_ansi(terminal).boxed(),
        LogFormat::Auto if terminal => layer.pretty().with_ansi(true).boxed(),
        LogFormat::Auto | LogFormat::Text => layer.with_ansi(terminal).boxed(),
    }
}

#[cfg(feature = "otlp")]
mod otlp {
    //! OTLP trace export: the integration point for a collector (Jaeger, Tempo, …).

    use std::sync::OnceLock;

    use opentelemetry::trace::TracerProvider as _;
    use opentelemetry_sdk::Resource;
    use opentelemetry_sdk::trace::SdkTracerProvider;
    use tracing::Subscriber;
    use tracing_subscriber::Layer;
    use tracing_subscriber::registry::LookupSpan;

    static PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();

    /// The export layer when an endpoint is configured; `None` (a no-op layer) otherwise.
    pub fn layer<S>(warnings: &mut Vec<String>) -> Option<Box<dyn Layer<S> + Send + Sync>>
    where
        S: Subscriber + for<'a> LookupSpan<'a> + Send + Sync,
    {
        let configured = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]
            .iter()
            .any(|var| std::env::var(var).is_ok_and(|v| !v.trim().is_empty()));
        if !configured {
            return None;
        }
        let exporter = match opentelemetry_otlp::SpanExporter::builder().with_http().build() {
            Ok(exporter) => exporter,
            Err(e) => {
                warnings.push(format!("OTLP trace export is off: {e}"));
                return None;
            }
        };
        let provider = SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_resource(Resource::builder().with_service_name("cybershield").build())
            .build();
        let tracer = provider.tracer("cybershield");
        let _ = PROVIDER.set(provider);
        Some(tracing_opentelemetry::layer().with_tracer(tracer).boxed())
    }

    pub fn shutdown() {
        if let Some(provider) = PROVIDER.get()
            && let Err(e) = provider.shutdown()
        {
            eprintln!("warning: OTLP trace export did not flush: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use tracing_subscriber::layer::SubscriberExt;

    use super::*;

    /// A `MakeWriter` into a shared buffer.
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn capture(format: LogFormat) -> String {
        let buffer = Buffer::default();
        let sink = buffer.clone();
        let subscriber = tracing_subscriber::registry().with(fmt_layer(format, false, move || sink.clone()));
        tracing::subscriber::with_default(subscriber, || {
            let request = tracing::info_span!(
                "graphql",
                operation = "TeamFindings",
                request_id = "0190-r1",
                viewer = "anonymous"
            );
            request.in_scope(|| {
                tracing::warn!(target: "cybershield::sql", duration_ms = 612.5, statement = "SELECT \"id\" FROM \"projects\"", "slow SQL statement");
            });
        });
        String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap()
    }

    #[test]
    fn json_format_writes_one_object_per_event_with_its_spans() {
        let text = capture(LogFormat::Json);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{text}");
        let event: serde_json::Value = serde_json::from_str(lines[0]).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(event["level"], "WARN");
        assert_eq!(event["target"], "cybershield::sql");
        assert_eq!(event["message"], "slow SQL statement");
        assert_eq!(event["duration_ms"], 612.5);
        assert_eq!(event["statement"], "SELECT \"id\" FROM \"projects\"");
        assert_eq!(event["span"]["name"], "graphql");
        assert_eq!(event["span"]["operation"], "TeamFindings");
        assert_eq!(event["spans"][0]["request_id"], "0190-r1");
        assert_eq!(event["spans"][0]["viewer"], "anonymous");
        assert!(event["timestamp"].is_string(), "{event}");
    }

    #[test]
    fn text_format_writes_one_plain_line_per_event() {
        let text = capture(LogFormat::Text);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(!text.contains('\u{1b}'), "no colours off a terminal: {text:?}");
        assert!(
            text.contains("WARN") && text.contains("operation=\"TeamFindings\"") && text.contains("slow SQL statement")
        );
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
    }
}
