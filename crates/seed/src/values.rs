//! Realistic values: people, hosts, addresses, hashes, titles; and the text forms COPY reads.

use std::fmt::Write as _;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::rules::{CWES, FIRST_NAMES, LAST_NAMES, NAMES, Net};

/// Microseconds in a day.
pub const DAY: i64 = 86_400_000_000;
/// Microseconds in a minute.
pub const MINUTE: i64 = 60_000_000;

/// Person `n`: the first six are the product document's users; the first 900 are distinct.
pub fn person(n: u64) -> (&'static str, &'static str) {
    let f = FIRST_NAMES.len() as u64;
    let l = LAST_NAMES.len() as u64;
    let first = FIRST_NAMES[(n % f) as usize];
    let last = LAST_NAMES[((n / f + n % f) % l) as usize];
    (first, last)
}

/// `o'brien` → `obrien`, `müller` → `muller`.
pub fn ascii_lower(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ä' | 'Ä' => Some('a'),
            'ö' | 'Ö' => Some('o'),
            'ü' | 'Ü' => Some('u'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// `Application Security` → `application-security`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Everyone's e-mail domain.
pub const EMAIL_DOMAIN: &str = "corp.example";

/// `first.last@corp.example`, with the number appended past the distinct names.
pub fn person_email(n: u64, out: &mut String) {
    let (first, last) = person(n);
    let _ = write!(out, "{}.{}", ascii_lower(first), ascii_lower(last));
    if n >= (FIRST_NAMES.len() * LAST_NAMES.len()) as u64 {
        let _ = write!(out, "{n}");
    }
    let _ = write!(out, "@{EMAIL_DOMAIN}");
}

pub fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// Log-uniform in `[min, max]`: small values far more likely.
pub fn skewed(rng: &mut ChaCha8Rng, min: i64, max: i64) -> i64 {
    if max <= min {
        return min;
    }
    let span = (max - min) as f64 + 1.0;
    let x = span.powf(rng.random::<f64>()) - 1.0;
    (min + x as i64).clamp(min, max)
}

/// A CWE from the weighted list, with its title prefix.
pub fn cwe(rng: &mut ChaCha8Rng) -> (u16, &'static str) {
    let total: u32 = CWES.iter().map(|c| c.1).sum();
    let mut x = rng.random_range(0..total);
    for &(id, weight, title) in CWES {
        if x < weight {
            return (id, title);
        }
        x -= weight;
    }
    (CWES[0].0, CWES[0].2)
}

pub fn ip(rng: &mut ChaCha8Rng, net: Net, out: &mut String) {
    let external = match net {
        Net::Internal => false,
        Net::External => true,
        Net::Mixed => rng.random_bool(0.4),
    };
    if external {
        // RFC 5737 documentation ranges.
        let prefix = pick(rng, &["192.0.2", "198.51.100", "203.0.113"]);
        let _ = write!(out, "{prefix}.{}", rng.random_range(1..255));
    } else {
        match rng.random_range(0..10) {
            0..=5 => {
                let _ = write!(
                    out,
                    "10.{}.{}.{}",
                    rng.random_range(0..32),
                    rng.random_range(0..255),
                    rng.random_range(1..255)
                );
            }
            6..=7 => {
                let _ = write!(
                    out,
                    "172.{}.{}.{}",
                    rng.random_range(16..32),
                    rng.random_range(0..255),
                    rng.random_range(1..255)
                );
            }
            _ => {
                let _ = write!(out, "192.168.{}.{}", rng.random_range(0..16), rng.random_range(1..255));
            }
        }
    }
}

pub fn hex(rng: &mut ChaCha8Rng, chars: usize, out: &mut String) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut left = chars;
    while left > 0 {
        let mut word: u64 = rng.random();
        for _ in 0..left.min(16) {
            out.push(DIGITS[(word & 15) as usize] as char);
            word >>= 4;
        }
        left = left.saturating_sub(16);
    }
}

pub fn mac(rng: &mut ChaCha8Rng, out: &mut String) {
    let vendor = pick(rng, &["00:1b:21", "3c:22:fb", "f0:18:98", "00:50:56", "a4:83:e7", "dc:a6:32"]);
    let _ = write!(out, "{vendor}:{:02x}:{:02x}:{:02x}", rng.random::<u8>(), rng.random::<u8>(), rng.random::<u8>());
}

pub const COUNTRIES: &[&str] =
    &["US", "US", "US", "DE", "DE", "GB", "GB", "FR", "NL", "IN", "SG", "BR", "CA", "JP", "PL", "RU", "CN", "NG"];
pub const CITIES: &[&str] = &[
    "New York",
    "Berlin",
    "London",
    "Paris",
    "Amsterdam",
    "Bengaluru",
    "Singapore",
    "São Paulo",
    "Toronto",
    "Tokyo",
    "Warsaw",
    "Frankfurt",
    "Austin",
    "Dublin",
];
pub const USER_AGENTS: &[&str] = &[
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "curl/8.5.0",
    "python-requests/2.31.0",
    "Go-http-client/1.1",
    "sqlmap/1.8#stable (https://sqlmap.org)",
];
pub const REGIONS: &[&str] = &["us-east-1", "us-east-1", "us-west-2", "eu-central-1", "eu-west-1", "ap-southeast-1"];
pub const BRANCHES: &[&str] = &["main", "main", "main", "develop", "release/2.4", "feature/login-rework", "hotfix/cve"];
pub const SIGNATURES: &[&str] = &[
    "ET SCAN Nmap Scripting Engine User-Agent Detected",
    "ET POLICY SSH session in progress on Unusual Port",
    "ET EXPLOIT Apache log4j RCE Attempt (CVE-2021-44228)",
    "ET MALWARE Cobalt Strike Beacon Observed",
    "ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT",
    "ET INFO Observed DNS Query to .top TLD",
    "ET TROJAN Possible Emotet C2 Traffic",
    "GPL ATTACK_RESPONSE id check returned root",
    "ET POLICY Outbound SMB to External Host",
    "ET SCAN Suspicious inbound to MSSQL port 1433",
];
pub const PACKAGES: &[(&str, &str, &str)] = &[
    ("maven", "org.apache.logging.log4j/log4j-core", "2.14.1"),
    ("npm", "lodash", "4.17.20"),
    ("pypi", "requests", "2.25.1"),
    ("maven", "com.fasterxml.jackson.core/jackson-databind", "2.9.10"),
    ("npm", "axios", "0.21.1"),
    ("golang", "golang.org/x/net", "0.7.0"),
    ("pypi", "django", "3.2.4"),
    ("npm", "jsonwebtoken", "8.5.1"),
    ("maven", "org.springframework/spring-webmvc", "5.3.17"),
    ("nuget", "Newtonsoft.Json", "12.0.2"),
];
pub const PATHS: &[&str] = &[
    "src/main/java/com/corp/orders/OrderController.java",
    "src/main/java/com/corp/auth/LoginService.java",
    "web/src/components/Checkout.tsx",
    "web/src/api/client.ts",
    "app/views/account.py",
    "app/models/payment.py",
    "internal/handlers/upload.go",
    "cmd/server/main.go",
    "src/Controllers/ReportController.cs",
    "infra/terraform/s3.tf",
];
pub const ENDPOINTS: &[&str] = &[
    "/api/v1/orders",
    "/api/v1/users/search",
    "/login",
    "/account/profile",
    "/api/v2/payments/refund",
    "/upload",
    "/admin/reports",
    "/graphql",
    "/api/v1/export",
];
pub const WORDS: &[&str] = &[
    "amber", "falcon", "cobalt", "harbor", "delta", "summit", "quartz", "lumen", "orbit", "cedar", "nova", "atlas",
    "ember", "pixel", "vector", "raven",
];
pub const SENTENCES: &[&str] = &[
    "Observed during the scheduled scan of the production environment.",
    "Reported by the SOC after correlating endpoint and proxy telemetry.",
    "Affects customer-facing endpoints; remediation tracked in the backlog.",
    "False positive suspected; awaiting confirmation from the owning team.",
    "Triggered by an anomalous spike outside business hours.",
    "Linked to the ongoing phishing wave targeting finance.",
    "Requires a configuration change and a rolling restart.",
    "Escalated to the incident commander for review.",
    "Upgrade the dependency to the patched version and redeploy.",
    "Input is concatenated into the query without parameterisation.",
];
pub const ALERT_TITLES: &[&str] = &[
    "Suspicious login from a new country",
    "Malware detected on endpoint",
    "Possible data exfiltration over DNS",
    "Brute-force attempts against VPN",
    "Privilege escalation via sudo misuse",
    "Public S3 bucket exposed",
    "Impossible travel for privileged account",
    "Ransomware behaviour: mass file renames",
    "Phishing email reported by user",
    "Outbound connection to known C2",
    "Disabled audit logging in cloud account",
    "Excessive failed database logins",
];
pub const MALWARE: &[&str] =
    &["Emotet", "QakBot", "AgentTesla", "Cobalt Strike", "LockBit", "RedLine Stealer", "AsyncRAT", "Mimikatz"];
pub const PROCESSES: &[&str] = &[
    "powershell.exe",
    "cmd.exe",
    "rundll32.exe",
    "svchost.exe",
    "mshta.exe",
    "python3",
    "bash",
    "curl",
    "wscript.exe",
];
pub const SERVICES: &[&str] = &["s3", "ec2", "iam", "rds", "lambda", "kms", "cloudtrail", "eks", "storage", "compute"];
pub const CLOUD_EVENTS: &[&str] =
    &["ConsoleLogin", "AssumeRole", "PutBucketPolicy", "CreateAccessKey", "StopLogging", "GetObject", "RunInstances"];
pub const DB_NAMES: &[&str] = &["orders", "customers", "payments", "analytics", "identity", "billing"];

/// A name for a row of `table`: from the table's pool when one matches, else two words.
/// `unique`: row `n` gets a name no other row of the run has.
pub fn name(rng: &mut ChaCha8Rng, table: &str, unique: Option<u64>, out: &mut String) {
    let pool = NAMES.iter().find(|(key, _)| table.contains(key)).map(|(_, pool)| *pool);
    match (pool, unique) {
        (Some(pool), Some(n)) => {
            let item = pool[(n % pool.len() as u64) as usize];
            out.push_str(item);
            let round = n / pool.len() as u64;
            if round > 0 {
                let _ = write!(out, "{}{}", if item.contains(' ') { " " } else { "-" }, round + 1);
            }
        }
        (Some(pool), None) => out.push_str(pick(rng, pool)),
        (None, Some(n)) => {
            let w = WORDS.len() as u64;
            let _ = write!(out, "{} {}", capitalise(WORDS[(n % w) as usize]), WORDS[((n / w + n) % w) as usize]);
            if n >= w * w {
                let _ = write!(out, " {n}");
            }
        }
        (None, None) => {
            let _ = write!(out, "{} {}", capitalise(pick(rng, WORDS)), pick(rng, WORDS));
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// `2026-01-02 03:04:05.678901+00` from microseconds since the epoch (UTC).
pub fn timestamp(micros: i64, out: &mut String) {
    let days = micros.div_euclid(DAY);
    let rest = micros.rem_euclid(DAY);
    let (y, m, d) = civil(days);
    let secs = rest / 1_000_000;
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}.{:06}+00",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        rest % 1_000_000
    );
}

/// `2026-01-02`.
pub fn date(micros: i64, out: &mut String) {
    let (y, m, d) = civil(micros.div_euclid(DAY));
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Appends `value` in COPY's text format (backslash, tab and line breaks escaped).
pub fn copy_escape(value: &str, out: &mut Vec<u8>) {
    let bytes = value.as_bytes();
    if !bytes.iter().any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r')) {
        out.extend_from_slice(bytes);
        return;
    }
    for &b in bytes {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

/// Appends an array literal item (always quoted).
pub fn array_item(item: &str, first: bool, out: &mut String) {
    if !first {
        out.push(',');
    }
    out.push('"');
    for c in item.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn people_are_distinct_and_start_with_the_product_users() {
        assert_eq!(person(0), ("Maya", "Chen"));
        assert_eq!(person(5), ("Thomas", "Becker"));
        let mut seen = std::collections::HashSet::new();
        for n in 0..(FIRST_NAMES.len() * LAST_NAMES.len()) as u64 {
            assert!(seen.insert(person(n)), "{n}");
        }
        let mut email = String::new();
        person_email(19, &mut email);
        assert_eq!(email, "omar.obrien@corp.example");
    }

    #[test]
    fn formats() {
        let mut s = String::new();
        timestamp(1_767_225_600_000_000 + 3_723_000_042, &mut s);
        assert_eq!(s, "2026-01-01 01:02:03.000042+00");
        s.clear();
        date(-DAY, &mut s);
        assert_eq!(s, "1969-12-31");
        let mut out = Vec::new();
        copy_escape("a\\b\tc\nd", &mut out);
        assert_eq!(out, b"a\\\\b\\tc\\nd");
        assert_eq!(slug("Application Security"), "application-security");
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..1000 {
            let v = skewed(&mut rng, 5, 10);
            assert!((5..=10).contains(&v));
        }
        s.clear();
        hex(&mut rng, 64, &mut s);
        assert_eq!(s.len(), 64);
    }
}
