//! Names: snake_case SQL identifiers to GraphQL camelCase / PascalCase, and singulars.

/// `project_issues` → `ProjectIssues`.
pub fn pascal(snake: &str) -> String {
    snake
        .split(['_', ' ', '-'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

/// `project_issues` → `projectIssues`.
pub fn camel(snake: &str) -> String {
    let pascal = pascal(snake);
    let mut chars = pascal.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `in_progress` → `IN_PROGRESS`, `HmacSHA1` → `HMAC_SHA1`, `S0` → `S0`, `9.0` → `_9_0`.
pub fn screaming_snake(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            // A word starts at a lower→Upper step, or at the last capital of an acronym
            // followed by a lower-case letter ("HTTPServer" → "HTTP_SERVER").
            let boundary = c.is_ascii_uppercase()
                && prev.is_some_and(|p| {
                    p.is_ascii_lowercase() || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
                });
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_uppercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// English singular of a snake_case table name's last word: `project_issues` → `project_issue`,
/// `email_analyses` → `email_analysis`, `incident_statuses` → `incident_status`,
/// `ddos_protection` → `ddos_protection`.
pub fn singular(snake: &str) -> String {
    let (head, last) = match snake.rsplit_once('_') {
        Some((head, last)) => (format!("{head}_"), last),
        None => (String::new(), snake),
    };
    const SAME: &[&str] = &["status", "data", "analytics", "series", "news", "settings_", "ddos"];
    let word = if SAME.contains(&last) || last.ends_with("ss") || last.ends_with("us") {
        last.to_string()
    } else if let Some(stem) = last.strip_suffix("yses") {
        format!("{stem}ysis")
    } else if let Some(stem) = last.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = last.strip_suffix("uses").or_else(|| last.strip_suffix("sses")) {
        format!("{stem}{}", if last.ends_with("uses") { "us" } else { "ss" })
    } else if let Some(stem) =
        last.strip_suffix("ches").or_else(|| last.strip_suffix("shes")).or_else(|| last.strip_suffix("xes"))
    {
        let suffix = &last[stem.len()..last.len() - 2];
        format!("{stem}{suffix}")
    } else if let Some(stem) = last.strip_suffix('s') {
        stem.to_string()
    } else {
        last.to_string()
    };
    format!("{head}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars_of_table_names() {
        for (plural, single) in [
            ("users", "user"),
            ("project_issues", "project_issue"),
            ("email_analyses", "email_analysis"),
            ("incident_statuses", "incident_status"),
            ("ddos_protection", "ddos_protection"),
            ("device_status", "device_status"),
            ("incident_priorities", "incident_priority"),
            ("rasp_virtual_patches", "rasp_virtual_patch"),
            ("mfa_backup_codes", "mfa_backup_code"),
            ("sast_code_coverage", "sast_code_coverage"),
            ("data_discovery", "data_discovery"),
            ("nac_logs", "nac_log"),
            ("security_compliance", "security_compliance"),
        ] {
            assert_eq!(singular(plural), single, "{plural}");
        }
    }

    #[test]
    fn graphql_enum_values() {
        assert_eq!(screaming_snake("in_progress"), "IN_PROGRESS");
        assert_eq!(screaming_snake("HmacSHA1"), "HMAC_SHA1");
        assert_eq!(screaming_snake("Critical"), "CRITICAL");
        assert_eq!(screaming_snake("S0"), "S0");
        assert_eq!(screaming_snake("web_service"), "WEB_SERVICE");
        assert_eq!(screaming_snake("CREATE"), "CREATE");
        assert_eq!(screaming_snake("azure_ad"), "AZURE_AD");
    }

    #[test]
    fn camel_and_pascal() {
        assert_eq!(camel("project_issues"), "projectIssues");
        assert_eq!(pascal("project_issue"), "ProjectIssue");
        assert_eq!(camel("cvssv3_score"), "cvssv3Score");
    }
}
