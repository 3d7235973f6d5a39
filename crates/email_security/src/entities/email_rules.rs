//! Mail-flow rules evaluated by the gateway in ascending `priority`: conditions on sender,
//! domain, headers, subject, attachments, URL reputation and authentication results, and one
//! action.

use sea_orm::entity::prelude::*;

/// What a matching rule does with the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_rule_action")]
pub enum EmailRuleAction {
    #[sea_orm(string_value = "allow")]
    Allow,
    #[sea_orm(string_value = "quarantine")]
    Quarantine,
    #[sea_orm(string_value = "reject")]
    Reject,
    #[sea_orm(string_value = "tag_subject")]
    TagSubject,
    #[sea_orm(string_value = "add_banner")]
    AddBanner,
    #[sea_orm(string_value = "route_to_analysis")]
    RouteToAnalysis,
}

/// Which mail flow the rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_rule_scope")]
pub enum EmailRuleScope {
    #[sea_orm(string_value = "inbound")]
    Inbound,
    #[sea_orm(string_value = "outbound")]
    Outbound,
    #[sea_orm(string_value = "internal")]
    Internal,
    #[sea_orm(string_value = "all")]
    All,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "email_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub name: String,
    pub description: Option<String>,
    /// Evaluation order: lower first; the first matching rule wins.
    #[sea_orm(default_value = 100)]
    pub priority: i32,
    /// `{match: all|any, conditions: [{field: sender|domain|header|subject|attachment_ext|
    /// url_reputation|auth_result, op, value}]}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub conditions: Json,
    pub action: EmailRuleAction,
    #[sea_orm(default_value = true)]
    pub enabled: bool,
    #[sea_orm(default_value = 0)]
    pub hit_count: i64,
    pub last_hit_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = "inbound")]
    pub scope: EmailRuleScope,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "email_rules_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "email_rules_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
