//! Deployed OpenRASP agents (`models/rasp.go`), one per protected application instance.
//! Liveness (logic #11): online iff `now − last_heartbeat_at ≤ heartbeat_interval_s + 180 s`.

use sea_orm::entity::prelude::*;

/// Runtime the agent is embedded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_language")]
pub enum RaspLanguage {
    #[sea_orm(string_value = "java")]
    Java,
    #[sea_orm(string_value = "php")]
    Php,
    #[sea_orm(string_value = "python")]
    Python,
    #[sea_orm(string_value = "nodejs")]
    Nodejs,
    #[sea_orm(string_value = "dotnet")]
    Dotnet,
    #[sea_orm(string_value = "go")]
    Go,
}

/// Where the agent's host runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_host_type")]
pub enum RaspHostType {
    #[sea_orm(string_value = "bare")]
    Bare,
    #[sea_orm(string_value = "docker")]
    Docker,
    #[sea_orm(string_value = "kubernetes")]
    Kubernetes,
}

/// Protection mode of the agent (`monitor` = OpenRASP observe mode: every block becomes log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_agent_mode")]
pub enum RaspAgentMode {
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "monitor")]
    Monitor,
    #[sea_orm(string_value = "disabled")]
    Disabled,
}

/// Liveness verdict of logic #11, cached: set `online` on each heartbeat, `offline` by the sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_agent_status")]
pub enum RaspAgentStatus {
    #[sea_orm(string_value = "online")]
    Online,
    #[sea_orm(string_value = "offline")]
    Offline,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_agents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The agent's own id (OpenRASP `rasp_id`).
    #[sea_orm(unique)]
    pub rasp_id: String,
    /// The protected application (a hub project).
    pub app_id: Uuid,
    /// Agent version.
    pub version: String,
    pub hostname: String,
    #[sea_orm(column_type = "Inet", nullable)]
    pub register_ip: Option<IpNetwork>,
    pub language: RaspLanguage,
    pub language_version: Option<String>,
    /// Application server: `tomcat`, `jboss`, `jetty`, `nginx-php-fpm`…
    pub server_type: Option<String>,
    pub server_version: Option<String>,
    /// Install directory of the agent.
    pub rasp_home: Option<String>,
    /// Version of the detection plugin loaded.
    pub plugin_version: Option<String>,
    #[sea_orm(default_value = "bare")]
    pub host_type: RaspHostType,
    #[sea_orm(default_value = 180)]
    pub heartbeat_interval_s: i32,
    pub last_heartbeat_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub registered_at: DateTimeWithTimeZone,
    #[sea_orm(default_value = "monitor")]
    pub mode: RaspAgentMode,
    /// Environment variables and system properties reported at registration.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub environ: Json,
    #[sea_orm(default_value = "offline")]
    pub status: RaspAgentStatus,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::AppId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "rasp_agents_app_id_fkey"
    )]
    App,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::App.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
