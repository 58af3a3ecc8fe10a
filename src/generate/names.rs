//! Word lists and makers for realistic people: Chinese and Latin names, phone numbers in the
//! formats people really type, emails, companies and soft facts.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

pub const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "欧阳", "司马",
];
pub const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "华", "建国", "晓", "婷", "宇", "欣", "浩", "子涵",
    "一", "诗", "梓", "雨", "佳", "思", "嘉", "文", "博", "睿", "三", "丰",
];
pub const FIRST: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Daniel",
    "Karen",
    "Matthew",
    "Nancy",
    "Anthony",
    "Lisa",
    "Mark",
    "Sandra",
    "José",
    "María",
    "Zoë",
    "Anna-Lena",
    "Søren",
    "François",
    "Chloé",
    "Lukas",
    "Mia",
    "Noah",
    "Emma",
    "Oliver",
];
pub const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Müller",
    "O'Neil",
    "Schmidt",
    "Dubois",
    "Nguyen",
    "Kowalski",
    "Rossi",
    "Jensen",
];
pub const CN_CITIES: &[&str] = &[
    "上海", "北京", "杭州", "深圳", "广州", "成都", "南京", "苏州", "武汉", "西安",
];
pub const LATIN_CITIES: &[&str] = &[
    "Boston", "Chicago", "Austin", "Seattle", "Denver", "Berlin", "Lyon", "Madrid", "Dublin",
    "Toronto",
];
pub const COMPANIES: &[&str] = &[
    "Acme Tools",
    "Northwind Trading",
    "蓝天科技",
    "华联商贸",
    "Globex",
    "Initech",
    "Umbrella Foods",
    "星光文化",
    "Blue Harbor Cafe",
    "东方建材",
    "Riverside Dental",
    "Summit Fitness",
];
pub const STAFF: &[&str] = &[
    "Alice Chen",
    "Bob Li",
    "Carol Wang",
    "Dan Zhou",
    "Eve Martin",
];
pub const TAGS: &[&str] = &[
    "vip",
    "wholesale",
    "newsletter",
    "influencer",
    "teacher",
    "journalist",
    "b2b",
    "coffee",
    "tea",
    "gift-buyer",
];
pub const PERSONALITY: &[&str] = &[
    "direct, hates small talk",
    "chatty, likes to hear about new products",
    "careful with money, compares prices",
    "loyal to people, asks for the same rep",
    "busy, prefers short messages",
    "detail-oriented, reads the fine print",
];
pub const INTERESTS: &[&str] = &[
    "hiking",
    "coffee brewing",
    "calligraphy",
    "football",
    "gardening",
    "photography",
    "cooking",
    "travel",
    "chess",
];
pub const HABITS: &[&str] = &[
    "orders on Monday mornings",
    "calls after 6pm",
    "buys gifts before holidays",
    "reorders beans monthly",
    "pays by invoice",
    "visits the shop on Saturdays",
];
pub const ITEMS: &[(&str, &str)] = &[
    ("coffee", "espresso beans 1kg"),
    ("coffee", "filter blend 500g"),
    ("tea", "longjing 250g"),
    ("tea", "pu-erh cake"),
    ("equipment", "grinder"),
    ("equipment", "espresso machine"),
    ("accessories", "paper filters"),
    ("accessories", "milk jug"),
    ("gifts", "gift box"),
    ("service", "machine descaling"),
];

pub fn pick<'a>(rng: &mut ChaCha8Rng, list: &'a [&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

/// Pinyin of a Chinese name, for email addresses.
fn romanise(name: &str) -> String {
    match crate::search::pinyin_forms(name) {
        Some((full, _, _)) => full,
        None => crate::search::compact(name),
    }
}

/// A person: (name, is_chinese).
pub fn person(rng: &mut ChaCha8Rng) -> (String, bool) {
    if rng.random_bool(0.6) {
        let given = if rng.random_bool(0.5) {
            format!("{}{}", pick(rng, GIVEN), pick(rng, GIVEN))
        } else {
            pick(rng, GIVEN).to_string()
        };
        (format!("{}{given}", pick(rng, SURNAMES)), true)
    } else {
        (format!("{} {}", pick(rng, FIRST), pick(rng, LAST)), false)
    }
}

/// A phone number unique to `index`, written the way people write them.
pub fn phone(rng: &mut ChaCha8Rng, index: u64, chinese: bool, second: bool) -> String {
    // Spread indexes over the number space without collisions (multiplier coprime to 10^8).
    let body = ((index + 1) * 2 + u64::from(second)).wrapping_mul(48_271) % 100_000_000;
    if chinese {
        let prefix = [135, 136, 137, 138, 139, 150, 158, 186, 188][(index % 9) as usize];
        let digits = format!("{prefix}{body:08}");
        match rng.random_range(0..4) {
            0 => digits,
            1 => format!("{} {} {}", &digits[..3], &digits[3..7], &digits[7..]),
            2 => format!("+86 {}-{}-{}", &digits[..3], &digits[3..7], &digits[7..]),
            _ => format!("{}-{}-{}", &digits[..3], &digits[3..7], &digits[7..]),
        }
    } else {
        let area = 200 + (body / 10_000_000) * 79 % 800;
        let digits = format!("{area}{:07}", body % 10_000_000);
        match rng.random_range(0..3) {
            0 => format!("({}) {}-{}", &digits[..3], &digits[3..6], &digits[6..]),
            1 => format!("+1 {} {} {}", &digits[..3], &digits[3..6], &digits[6..]),
            _ => format!("{}.{}.{}", &digits[..3], &digits[3..6], &digits[6..]),
        }
    }
}

pub fn email(rng: &mut ChaCha8Rng, name: &str, index: u64) -> String {
    let domain = pick(
        rng,
        &[
            "example.com",
            "mail.example.cn",
            "example.org",
            "corp.example.net",
        ],
    );
    let local: String = romanise(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("{local}{index}@{domain}")
}
