//! Column headers as people write them: every column of every kind under its own name and the
//! names a Chinese or English spreadsheet gives it (`客户编号`, `手机号`, `Customer ID`, `金额（元）`),
//! compared without case, spaces, underscores, hyphens, a leading `*` or a trailing unit in
//! brackets; and the user's own mapping (`--map "手机号码=phone"`, or a saved profile) for
//! anything else.

use super::RowError;
use super::columns::{Kind, columns_of};

/// Other names of a column, for every kind that has it (the column's own name always counts).
const SHARED: &[(&str, &[&str])] = &[
    (
        "customer_id",
        &[
            "客户编号",
            "客户id",
            "客户代码",
            "客户号",
            "会员编号",
            "会员号",
            "会员id",
            "会员卡号",
            "customer id",
            "customer no",
            "customer number",
            "cust id",
            "client id",
            "客户编码",
        ],
    ),
    (
        "created_at",
        &[
            "创建时间",
            "建档时间",
            "建档日期",
            "注册时间",
            "注册日期",
            "created",
            "创建日期",
        ],
    ),
];

const CUSTOMERS: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "客户名称",
            "姓名",
            "名称",
            "客户",
            "客户姓名",
            "名字",
            "会员姓名",
            "联系人",
            "full name",
            "customer name",
            "client name",
            "contact name",
        ],
    ),
    (
        "phone",
        &[
            "手机",
            "手机号",
            "手机号码",
            "电话",
            "联系电话",
            "电话号码",
            "移动电话",
            "联系方式",
            "mobile",
            "mobile phone",
            "tel",
            "telephone",
            "phone number",
            "cell",
            "cellphone",
        ],
    ),
    (
        "email",
        &[
            "邮箱",
            "电子邮件",
            "电子邮箱",
            "邮件",
            "邮箱地址",
            "e-mail",
            "mail",
            "email address",
        ],
    ),
    (
        "company",
        &[
            "公司",
            "单位",
            "公司名称",
            "工作单位",
            "企业",
            "企业名称",
            "organization",
            "organisation",
            "org",
        ],
    ),
    ("city", &["城市", "所在城市", "所在地", "town"]),
    (
        "address",
        &[
            "地址",
            "联系地址",
            "详细地址",
            "收货地址",
            "通讯地址",
            "street",
        ],
    ),
    (
        "birthday",
        &[
            "生日",
            "出生日期",
            "出生年月日",
            "date of birth",
            "dob",
            "birth date",
            "birthdate",
        ],
    ),
    ("gender", &["性别", "sex"]),
    ("tags", &["标签", "tag", "客户标签"]),
    (
        "referred_by",
        &["推荐人", "介绍人", "推荐人编号", "referrer", "referred by"],
    ),
    (
        "owner",
        &[
            "负责人",
            "客户经理",
            "销售",
            "业务员",
            "归属销售",
            "跟进人",
            "account manager",
            "sales rep",
            "account owner",
        ],
    ),
    ("personality", &["性格", "个性", "性格特点"]),
    ("interests", &["兴趣", "爱好", "兴趣爱好", "hobbies"]),
    ("habits", &["习惯", "消费习惯", "购买习惯"]),
    (
        "preferred_channel",
        &["偏好渠道", "首选渠道", "联系偏好", "preferred contact"],
    ),
    ("status", &["状态", "客户状态"]),
    ("churn_reason", &["流失原因"]),
    // In a customer file a bare number column is the customer's (in another kind, its own).
    ("customer_id", &["编号", "id", "no", "序号"]),
];

const ORDERS: &[(&str, &[&str])] = &[
    (
        "order_id",
        &[
            "订单号",
            "订单编号",
            "单号",
            "订单id",
            "order no",
            "order number",
        ],
    ),
    (
        "ordered_at",
        &[
            "下单时间",
            "订单日期",
            "日期",
            "下单日期",
            "订单时间",
            "时间",
            "购买日期",
            "购买时间",
            "成交日期",
            "order date",
            "date",
            "purchase date",
        ],
    ),
    (
        "amount",
        &[
            "金额",
            "订单金额",
            "实付金额",
            "实付",
            "总金额",
            "付款金额",
            "成交金额",
            "实收金额",
            "total",
            "sum",
            "order total",
        ],
    ),
    (
        "items",
        &[
            "商品",
            "商品名称",
            "明细",
            "产品",
            "产品名称",
            "商品明细",
            "products",
        ],
    ),
    (
        "category",
        &["品类", "类别", "分类", "商品类别", "商品分类"],
    ),
    ("channel", &["渠道", "下单渠道", "来源", "销售渠道"]),
];

const FOLLOWUPS: &[(&str, &[&str])] = &[
    (
        "followup_id",
        &["跟进编号", "记录编号", "跟进id", "follow-up id"],
    ),
    (
        "at",
        &[
            "时间",
            "跟进时间",
            "日期",
            "联系时间",
            "跟进日期",
            "date",
            "time",
        ],
    ),
    ("channel", &["渠道", "方式", "联系方式", "跟进方式"]),
    ("direction", &["方向", "呼入呼出"]),
    ("kind", &["类型", "跟进类型", "type"]),
    ("staff", &["跟进人", "员工", "客服", "负责人", "agent"]),
    (
        "summary",
        &["内容", "跟进内容", "摘要", "记录", "沟通内容", "notes"],
    ),
    ("outcome", &["结果", "跟进结果", "result"]),
    ("satisfaction", &["满意度", "评分", "score", "rating"]),
    (
        "next_contact",
        &[
            "下次联系",
            "下次跟进",
            "下次联系时间",
            "下次跟进时间",
            "next",
        ],
    ),
];

const CARE_PLANS: &[(&str, &[&str])] = &[
    ("care_plan_id", &["计划编号", "关怀编号", "计划id"]),
    (
        "due",
        &[
            "到期",
            "计划日期",
            "日期",
            "到期日",
            "关怀日期",
            "date",
            "due date",
        ],
    ),
    ("due_time", &["时间", "计划时间", "time"]),
    ("purpose", &["目的", "关怀类型", "类型", "关怀目的", "type"]),
    ("assignee", &["负责人", "执行人", "跟进人"]),
    ("note", &["备注", "说明", "notes"]),
    ("status", &["状态"]),
    ("recurrence", &["重复", "周期", "repeat"]),
    ("completed_at", &["完成时间", "完成日期"]),
];

const COMPLAINTS: &[(&str, &[&str])] = &[
    (
        "complaint_id",
        &["投诉编号", "工单号", "投诉id", "工单编号", "ticket id"],
    ),
    (
        "opened_at",
        &[
            "投诉时间",
            "受理时间",
            "日期",
            "时间",
            "投诉日期",
            "date",
            "opened",
        ],
    ),
    ("channel", &["渠道", "投诉渠道", "来源"]),
    (
        "category",
        &["类别", "投诉类别", "分类", "投诉类型", "类型"],
    ),
    ("severity", &["严重程度", "级别", "等级", "priority"]),
    ("opened_severity", &["初始级别", "初始严重程度"]),
    (
        "description",
        &["描述", "投诉内容", "内容", "问题描述", "details"],
    ),
    ("assignee", &["负责人", "处理人"]),
    ("team", &["团队", "部门", "转派部门"]),
    ("status", &["状态", "处理状态"]),
    ("contacts", &["联系次数", "接触次数"]),
    ("escalated", &["已升级", "升级"]),
    ("first_response_at", &["首次响应时间", "首次回复时间"]),
    ("resolved_at", &["解决时间"]),
    ("closed_at", &["关闭时间"]),
    ("root_cause", &["根本原因", "原因"]),
    ("prevention", &["预防措施", "改进措施"]),
];

fn synonyms(kind: Kind) -> &'static [(&'static str, &'static [&'static str])] {
    match kind {
        Kind::Customers => CUSTOMERS,
        Kind::Orders => ORDERS,
        Kind::FollowUps => FOLLOWUPS,
        Kind::CarePlans => CARE_PLANS,
        Kind::Complaints => COMPLAINTS,
    }
}

/// A header as compared: lowercase, without spaces (also the ideographic one), `_`, `-`, `.`,
/// a leading `*` (a required column in many templates) or a trailing unit in brackets
/// (`金额（元）`, `Amount (CNY)`).
pub fn normal(header: &str) -> String {
    let mut text = header
        .trim()
        .trim_start_matches('\u{feff}')
        .trim_start_matches('*');
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let Some(inner) = text.strip_suffix(close)
            && let Some(at) = inner.rfind(open)
            && at > 0
        {
            text = &text[..at];
        }
    }
    text.chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '_' | '-' | '.' | '*')))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field of a mapping pair that ignores its column.
const IGNORED: &str = "-";

/// The user's own names for columns: `source=field` pairs (`--map`, a saved profile).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// (normal source header, field), later pairs first: a `--map` given after a profile wins.
    pairs: Vec<(String, String)>,
}

impl ColumnMap {
    /// Parses `手机号码=phone,会员编号=customer_id`; every field must be a column of some kind.
    pub fn parse(text: &str) -> Result<ColumnMap, String> {
        let mut map = ColumnMap::default();
        map.extend(text)?;
        Ok(map)
    }

    /// Adds the pairs of `text`, which take precedence over those already here.
    pub fn extend(&mut self, text: &str) -> Result<(), String> {
        let mut added = Vec::new();
        for pair in text
            .split([',', '，', ';', '\n'])
            .filter(|p| !p.trim().is_empty())
        {
            let Some((source, field)) = pair.split_once(['=', '＝']) else {
                return Err(t!("map-bad-pair", pair = pair.trim()));
            };
            let field = field.trim().to_lowercase();
            // `SOURCE=-`: the column is ignored (say, the second of two name columns).
            let known = field == IGNORED
                || Kind::ALL
                    .iter()
                    .any(|k| columns_of(*k).contains(&field.as_str()));
            if !known {
                let all: Vec<&str> = Kind::ALL
                    .iter()
                    .flat_map(|k| columns_of(*k))
                    .copied()
                    .collect();
                return Err(match did_you_mean(&field, all.iter().copied()) {
                    Some(near) => t!("map-unknown-field-near", field = field, near = near),
                    None => t!("map-unknown-field", field = field),
                });
            }
            if normal(source).is_empty() {
                return Err(t!("map-bad-pair", pair = pair.trim()));
            }
            added.push((normal(source), field));
        }
        added.reverse();
        added.append(&mut self.pairs);
        self.pairs = added;
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs as `source=field` text, in the order given.
    pub fn to_text(&self) -> String {
        self.pairs
            .iter()
            .rev()
            .map(|(s, f)| format!("{s}={f}"))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The field a header names for `kind`: the user's mapping first (a pair for a field this
/// kind lacks is passed over: a profile may serve several kinds), then the column's own name,
/// then its other names; `None` for a column the kind does not know.
pub fn field_of(kind: Kind, header: &str, map: &ColumnMap) -> Option<&'static str> {
    let wanted = normal(header);
    let columns = columns_of(kind);
    if let Some((_, field)) = map.pairs.iter().find(|(source, _)| *source == wanted) {
        if field == IGNORED {
            return None;
        }
        if let Some(column) = columns.iter().find(|c| **c == field) {
            return Some(column);
        }
    }
    if let Some(column) = columns.iter().find(|c| normal(c) == wanted) {
        return Some(column);
    }
    SHARED
        .iter()
        .chain(synonyms(kind))
        .find(|(column, names)| {
            columns.contains(column) && names.iter().any(|n| normal(n) == wanted)
        })
        .and_then(|(column, _)| columns.iter().find(|c| *c == column).copied())
}

/// Every name `kind`'s columns go by, with the column: for suggestions.
fn names_of(kind: Kind) -> impl Iterator<Item = (&'static str, &'static str)> {
    let columns = columns_of(kind);
    columns.iter().map(|c| (*c, *c)).chain(
        SHARED
            .iter()
            .chain(synonyms(kind))
            .filter(|(c, _)| columns.contains(c))
            .flat_map(|(c, names)| names.iter().map(move |n| (*n, *c))),
    )
}

/// The known name closest to `text`, when it is close (a typo, one character off).
fn did_you_mean<'a>(text: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = normal(text);
    let length = wanted.chars().count();
    names
        .map(|name| {
            let name_normal = normal(name);
            let distance = strsim::osa_distance(&name_normal, &wanted);
            let longer = name_normal.chars().count().abs_diff(length);
            (distance, longer, name)
        })
        .filter(|(distance, _, _)| *distance > 0 && *distance <= (length / 3).max(1))
        .min_by_key(|(distance, longer, _)| (*distance, *longer))
        .map(|(_, _, name)| name)
}

/// The column of `kind` a header that names none is probably meant to be, said as
/// `name (column)` when the near name is another name of it.
pub fn suggestion(kind: Kind, header: &str) -> Option<String> {
    let names: Vec<(&str, &str)> = names_of(kind).collect();
    let near = did_you_mean(header, names.iter().map(|(n, _)| *n))?;
    let column = names.iter().find(|(n, _)| *n == near).map(|(_, c)| *c)?;
    Some(if near == column {
        column.to_string()
    } else {
        format!("{near} ({column})")
    })
}

/// How a file's header became fields: for each source column, the field it fills (`None`:
/// ignored); two columns for one field are refused, naming both.
pub fn map_header(
    kind: Kind,
    header: &[String],
    map: &ColumnMap,
) -> Result<Vec<Option<&'static str>>, RowError> {
    let fields: Vec<Option<&'static str>> = header.iter().map(|h| field_of(kind, h, map)).collect();
    for (i, field) in fields.iter().enumerate() {
        if let Some(field) = field
            && let Some(j) = fields[..i].iter().position(|f| f == &Some(*field))
        {
            return Err(RowError {
                line: 1,
                field: (*field).to_string(),
                reason: t!(
                    "file-two-columns-one-field",
                    first = header[j].trim(),
                    second = header[i].trim()
                ),
            });
        }
    }
    Ok(fields)
}

#[cfg(test)]
mod tests;
