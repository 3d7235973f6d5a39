//! Enums shared by several rasp tables.

use sea_orm::entity::prelude::*;

/// The platform-wide severity, declared once in core.
pub use cybershield_core::severity::SeverityLevel;

/// OpenRASP attack type (the hook that detected it; `models/logs/attack_alarm.go`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_attack_type")]
pub enum RaspAttackType {
    #[sea_orm(string_value = "sql")]
    Sql,
    #[sea_orm(string_value = "sql_exception")]
    SqlException,
    #[sea_orm(string_value = "command")]
    Command,
    #[sea_orm(string_value = "xxe")]
    Xxe,
    #[sea_orm(string_value = "directory")]
    Directory,
    #[sea_orm(string_value = "rename")]
    Rename,
    #[sea_orm(string_value = "readFile")]
    ReadFile,
    #[sea_orm(string_value = "include")]
    Include,
    #[sea_orm(string_value = "writeFile")]
    WriteFile,
    #[sea_orm(string_value = "ssrf")]
    Ssrf,
    #[sea_orm(string_value = "ognl")]
    Ognl,
    #[sea_orm(string_value = "webdav")]
    Webdav,
    #[sea_orm(string_value = "fileUpload")]
    FileUpload,
    #[sea_orm(string_value = "deserialization")]
    Deserialization,
    #[sea_orm(string_value = "xss_echo")]
    XssEcho,
    #[sea_orm(string_value = "xss_userinput")]
    XssUserinput,
    #[sea_orm(string_value = "webshell_callable")]
    WebshellCallable,
    #[sea_orm(string_value = "webshell_eval")]
    WebshellEval,
    #[sea_orm(string_value = "webshell_command")]
    WebshellCommand,
    #[sea_orm(string_value = "webshell_file_put_contents")]
    WebshellFilePutContents,
    #[sea_orm(string_value = "webshell_ld_preload")]
    WebshellLdPreload,
}
