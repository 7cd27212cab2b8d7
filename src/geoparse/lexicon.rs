//! Word lists the recogniser consults: common words that are also towns, given names,
//! titles, organisation heads, context cues and US state abbreviations.
//!
//! Every list is lower case and looked up through [`Lexicon`], built once.

use crate::hash::short_word;
pub(crate) use crate::hash::{FastMap, FastSet, with_capacity};
use std::sync::OnceLock;

/// Capitalised words that name some village somewhere but in running English text are
/// almost always ordinary words (months, weekdays, titles, common nouns and adjectives).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "christmas", "easter", "today", "tomorrow", "yesterday", "spring", "summer",
    "autumn", "winter", "fall", "a", "an", "the", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "and", "or", "but", "not", "no", "yes", "un", "de", "la", "le", "el", "al", "as",
    "is", "it", "its", "he", "she", "we", "they", "you", "i", "me", "my", "our", "his", "her",
    "their", "this", "that", "these", "those", "there", "here", "when", "where", "who", "what",
    "why", "how", "if", "then", "than", "so", "all", "any", "some", "most", "many", "more", "much",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
    "second", "third", "last", "next", "new", "old", "after", "before", "during", "while", "about",
    "over", "under", "up", "down", "out", "off", "into", "onto", "upon", "via", "per", "also",
    "just", "only", "even", "still", "now", "again", "once", "both", "each", "every", "other",
    "such", "same", "own", "very", "well", "can", "will", "would", "should", "could", "must",
    "shall", "might", "has", "have", "had", "was", "were", "be", "been", "being", "do", "does",
    "did", "said", "says", "say", "like", "since", "until", "though", "although", "because",
    "however", "meanwhile", "according", "among", "against", "between", "without", "within",
    "along", "around", "across", "behind", "beyond", "near", "despite", "toward", "towards",
    "through", "throughout", "instead", "perhaps", "maybe", "yet", "ever", "never", "always",
    "often", "already", "soon", "later", "early", "late", "ago", "far", "back", "away", "police",
    "federal", "national", "state", "city", "county", "town", "village", "district", "province",
    "region", "capital", "central", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "northeast", "northwest", "southeast", "southwest", "upper", "lower",
    "middle", "great", "little", "big", "long", "high", "low", "grand", "royal", "golden", "green",
    "white", "black", "red", "blue", "brown", "gray", "grey", "split", "nice", "mobile", "reading",
    "hope", "bath", "university", "college", "school", "hospital", "church", "court", "house",
    "home", "office", "centre", "center", "union", "unity", "liberty", "independence", "freedom",
    "victory", "progress", "harmony", "peace", "friendship", "concord", "providence", "eden",
    "paradise", "commerce", "industry", "enterprise", "energy", "justice", "fairview", "plain",
    "plains", "valley", "river", "lake", "mount", "beach", "bay", "island", "islands", "park",
    "bridge", "station", "port", "harbour", "harbor", "market", "mill", "mills", "springs",
    "falls", "rock", "hill", "hills", "field", "fields", "forest", "wood", "woods", "garden",
    "gardens", "lincoln", "man", "woman", "men", "women", "boy", "girl", "child", "children",
    "people", "family", "friends", "team", "world", "earth", "sun", "moon", "star", "day", "night",
    "time", "year", "week", "month", "morning", "evening", "life", "death", "fire", "water",
    "rain", "snow", "storm", "wind", "ice", "gold", "silver", "iron", "steel", "oil", "gas",
    "coal", "salt", "sugar", "rice", "corn", "cotton", "wheat", "fish", "deer", "bear", "eagle",
    "wolf", "fox", "lion", "crow", "hawk", "dove", "swan", "bull", "horse", "cattle", "orange",
    "lemon", "cherry", "apple", "olive", "rose", "lily", "ivy", "holly", "laurel", "oak", "pine",
    "palm", "cedar", "maple", "elm", "ash", "willow", "birch", "poplar", "news", "press", "post",
    "times", "herald", "tribune", "journal", "gazette", "star", "report", "media", "online",
    "internet", "web", "email", "phone", "video", "photo", "president", "minister", "government",
    "governor", "mayor", "senator", "congress", "senate", "parliament", "council", "committee",
    "commission", "department", "ministry", "agency", "army", "navy", "air", "force", "forces",
    "military", "troops", "soldiers", "war", "battle", "attack", "crisis", "health", "care",
    "medical", "public", "private", "general", "special", "major", "minor", "chief", "head",
    "deputy", "director", "officer", "sheriff", "judge", "lawyer", "doctor", "professor",
    "student", "students", "teacher", "business", "company", "bank", "trade", "market", "money",
    "dollar", "dollars", "euro", "drug", "drugs", "mad", "superior", "pack", "hamas", "hezbollah", "taliban", "nato", "sales", "price", "prices", "tax",
    "taxes", "law", "laws", "rule", "rules", "bill", "plan", "project", "program", "programme",
    "service", "services", "system", "network", "group", "club", "league", "cup", "games",
    "olympic", "olympics", "championship", "final", "sport", "sports", "football", "soccer",
    "baseball", "basketball", "hockey", "golf", "tennis", "cricket", "rugby", "race", "road",
    "street", "avenue", "highway", "route", "way", "lane", "drive", "square", "hall", "tower",
    "castle", "palace", "temple", "mission", "camp", "base", "fort", "post", "gate", "center",
    "point", "cape", "island", "ocean", "sea", "coast", "shore", "desert", "mountain", "mountains",
    "canyon", "creek", "brook", "pond", "pool", "spring", "well", "wells", "view", "vista",
    "haven", "ridge", "crest", "summit", "peak", "top", "end", "side", "corner", "cross",
    "crossing", "junction", "ferry", "landing", "harbour", "dock", "pier", "wharf", "shop",
    "store", "factory", "farm", "ranch", "plant", "works", "mine", "mines", "wall", "walls",
    "state", "good", "best", "better", "bad", "worse", "worst", "happy", "lucky", "young", "fine",
    "free", "fair", "true", "false", "real", "clear", "strong", "rich", "poor", "sweet", "bright",
    "dark", "deep", "wide", "broad", "open", "close", "fast", "quick", "slow", "pleasant",
    "content", "success", "triumph", "glory", "zion", "bethel", "goshen", "sharon", "salem",
    "canaan", "gilead", "hebron", "shiloh", "bethany", "antioch", "god", "lord", "jesus", "christ",
    "bible", "mass", "catholic", "muslim", "islam", "jewish", "christian", "christians", "muslims",
    "jews", "arab", "arabs", "democrat", "democrats", "democratic", "republican", "republicans",
    "party", "liberal", "conservative", "labor", "labour", "green", "greens", "independent", "mr",
    "mrs", "ms", "dr", "sir", "madam", "lady", "king", "queen", "prince", "princess", "emperor",
    "pope", "bishop", "father", "mother", "brother", "sister", "son", "daughter", "uncle", "aunt",
    "saint", "st", "ste", "san", "santa", "mt", "ft", "no", "number", "section", "article",
    "chapter", "page", "part", "phase", "stage", "level", "grade", "class", "type", "series",
    "edition", "version", "act", "code", "order", "case", "hurricane", "tornado", "typhoon",
    "cyclone", "flood", "floods", "drought", "quake", "earthquake", "virus", "flu", "ebola",
    "aids", "hiv", "cancer", "covid", "ok", "okay", "hey", "oh", "wow", "please", "thanks",
    "thank", "welcome", "hello", "read", "see", "watch", "click", "call", "contact", "visit",
    "join", "help", "find", "get", "go", "come", "make", "take", "give", "keep", "let", "put",
    "set", "run", "start", "stop", "turn", "move", "live", "love", "play", "work", "win", "lose",
    "buy", "sell", "pay", "save", "vote", "elect", "election", "elections", "campaign", "chairman",
    "spokesman", "spokeswoman", "secretary", "ambassador", "commissioner", "representative",
    "official", "officials", "leader", "leaders", "member", "members", "citizens", "residents",
    "voters", "workers", "farmers", "patients", "victims", "media", "internet", "facebook",
    "twitter", "google", "apple", "amazon", "microsoft", "reuters", "ap", "afp", "cnn", "bbc",
    "ians", "pti", "xinhua", "tass", "alliance", "coalition", "movement", "front", "council",
    "assembly", "summit", "conference", "forum", "festival", "fair", "show", "expo", "museum",
    "library", "theatre", "theater", "cinema", "arena", "stadium", "academy", "institute",
    "foundation", "association", "society", "trust", "fund", "charity", "relief", "aid", "red",
    "cross", "canyon", "mesa", "butte", "bluff", "bluffs", "hollow", "grove", "glen", "dale",
    "vale", "heights", "terrace", "manor", "estates", "acres", "meadows", "woodland", "highland",
    "highlands", "lowlands", "midland", "midlands", "gateway", "crossroads", "frontier", "border",
    "borders", "boundary", "downtown", "uptown", "midtown", "suburb", "suburbs", "sunday",
    "weekend", "holiday", "anniversary", "birthday", "thanksgiving", "halloween", "ramadan", "eid",
    "passover", "hanukkah", "diwali", "lent", "oscar", "grammy", "emmy", "nobel", "mobile", "cell",
    "tv", "radio", "film", "movie", "music", "song", "album", "book", "story", "stories",
    "history", "science", "art", "arts", "culture", "nature", "sport", "social", "security",
    "defense", "defence", "intelligence", "foreign", "domestic", "international", "global",
    "regional", "local", "urban", "rural", "coastal", "tech", "technology", "data", "digital",
    "energy", "power", "electric", "solar", "nuclear", "water", "environment", "climate",
    "weather", "traffic", "transport", "transit", "airport", "airlines", "airways", "rail",
    "railway", "railroad", "bus", "metro", "subway", "taxi", "car", "cars", "truck", "ship",
    "boat", "plane", "tour", "tell", "date", "rapid", "rs", "tang", "ming", "qing",
];

/// Given names common enough in news that a capitalised word matching one starts a
/// person's name ("Jordan Smith", "Paris Hilton"), across many cultures.
#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    "aaron", "abdul", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "aisha", "alan",
    "albert", "alberto", "alex", "alexander", "alexandra", "alexei", "alfred", "ali", "alice",
    "alicia", "alison", "allen", "amanda", "amber", "amy", "ana", "andrea", "andrei", "andrew",
    "andy", "angela", "ann", "anna", "anne", "anthony", "antonio", "arthur", "ashley", "barack",
    "barbara", "ben", "benjamin", "bernard", "beth", "betty", "bill", "billy", "bob", "bobby",
    "brad", "bradley", "brandon", "brenda", "brian", "bruce", "bryan", "carl", "carlos", "carol",
    "caroline", "catherine", "charles", "charlie", "cheryl", "chris", "christian", "christina",
    "christine", "christopher", "cindy", "claire", "craig", "cynthia", "dan", "daniel", "danny",
    "david", "dawn", "dean", "deborah", "debra", "denise", "dennis", "derek", "diana", "diane",
    "dick", "dmitry", "don", "donald", "donna", "doris", "dorothy", "doug", "douglas", "ed",
    "eddie", "edward", "elena", "elizabeth", "ellen", "emily", "emma", "eric", "erin", "ernest",
    "eugene", "evelyn", "fatima", "felix", "fernando", "frances", "francis", "francisco", "frank",
    "fred", "frederick", "gary", "george", "gerald", "gina", "gloria", "gordon", "grace", "greg",
    "gregory", "hannah", "harold", "harry", "hassan", "heather", "helen", "henry", "herbert",
    "hillary", "howard", "hugh", "hussein", "ian", "igor", "irene", "isaac", "ivan", "jack",
    "jackie", "jacob", "james", "jamie", "jane", "janet", "janice", "jason", "jean", "jeff",
    "jeffrey", "jennifer", "jeremy", "jerry", "jesse", "jessica", "jim", "jimmy", "jin", "joan",
    "joe", "joel", "john", "johnny", "jon", "jonathan", "jose", "joseph", "josh", "joshua",
    "joyce", "juan", "judith", "judy", "julia", "julie", "justin", "karen", "katherine",
    "kathleen", "kathy", "katie", "keith", "kelly", "ken", "kenneth", "kevin", "khalid", "kim",
    "kimberly", "kyle", "larry", "laura", "lauren", "lawrence", "lee", "leonard", "leslie",
    "linda", "lisa", "lois", "lori", "louis", "louise", "luis", "maria", "marie", "marilyn",
    "mark", "martha", "martin", "mary", "matt", "matthew", "megan", "melissa", "michael",
    "michelle", "miguel", "mike", "mikhail", "mohamed", "mohammad", "mohammed", "muhammad",
    "nancy", "natalie", "nathan", "nicholas", "nick", "nicole", "nikolai", "norman", "olga",
    "omar", "pamela", "pat", "patricia", "patrick", "paul", "paula", "pedro", "peggy", "peter",
    "philip", "phillip", "rachel", "ralph", "randy", "ray", "raymond", "rebecca", "richard",
    "rick", "robert", "roberto", "robin", "roger", "ronald", "rose", "roy", "ruby", "russell",
    "ruth", "ryan", "sam", "samuel", "sandra", "sara", "sarah", "scott", "sean", "sergei",
    "sergey", "sharon", "shirley", "stephanie", "stephen", "steve", "steven", "susan", "tammy",
    "terry", "theresa", "thomas", "tim", "timothy", "tina", "todd", "tom", "tommy", "tony",
    "tracy", "travis", "valerie", "victor", "victoria", "vincent", "virginia", "vladimir",
    "walter", "wayne", "wendy", "william", "willie", "yuri", "zachary", "jordan", "tyler",
    "austin", "dallas", "chelsea", "madison", "brooklyn", "devon", "savannah", "florence",
    "clinton", "jackson", "washington", "hamilton", "warren", "marshall", "franklin", "chester",
    "clifton", "milton", "preston", "sheldon", "stanley", "vernon", "wesley", "winston", "xi",
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "sun", "hiroshi",
    "takeshi", "yuki", "kenji", "shinzo", "narendra", "rahul", "sonia", "priya", "amit", "raj",
    "sanjay", "vijay", "anil", "sunil", "ravi", "kofi", "kwame", "nelson", "jacob", "thabo",
    "olusegun", "goodluck", "muammar", "bashar", "recep", "angela", "emmanuel", "nicolas",
    "francois", "jacques", "pierre", "marine", "jean", "gerhard", "helmut", "hans", "klaus",
    "jurgen", "wolfgang", "silvio", "mario", "matteo", "giuseppe", "pablo", "jorge", "manuel",
    "luiz", "dilma", "evo", "hugo", "fidel", "raul", "benazir", "nawaz", "imran", "pervez",
    "hamid", "ashraf", "mahmoud", "ehud", "benjamin", "yitzhak", "ariel", "shimon", "tzipi",
    "ismail", "yasser", "saddam", "nouri", "moqtada", "osama", "ayman", "hosni", "mohamed",
    "anwar", "gamal", "abdel", "salva", "riek", "omar", "joseph", "laurent", "paul", "ellen",
    "charles", "jacob", "robert", "morgan", "jake",
    // given names of news from around the world
    "abdallah", "abdelaziz", "abdoulaye", "abdulrahman", "abigail", "abubakar", "achieng",
    "adebayo", "adel", "adewale", "aditya", "adriana", "agnieszka", "agus", "agustin", "ahmadou",
    "ahmet", "aidan", "aiko", "akash", "akiko", "akinyi", "akira", "alain", "alejandro",
    "aleksandar", "aleksandr", "aleksei", "alessandra", "alessandro", "alexey", "alexis",
    "alfonso", "aliou", "alvaro", "amadou", "amina", "aminata", "amir", "amitabh", "amr",
    "anastasia", "anatoly", "anders", "andres", "andriy", "andrzej", "anjali", "ankit", "annalena",
    "ante", "antoine", "anura", "aoife", "arjun", "armando", "arturo", "arun", "ashok", "asif",
    "babajide", "bambang", "barry", "beatriz", "benoit", "bernardo", "bernie", "bidya", "bilal",
    "bilawal", "bjorn", "bogdan", "bongani", "boubacar", "brendan", "brett", "budi", "burak",
    "caleb", "callum", "camila", "carla", "carlo", "carmen", "catalina", "celine", "cheikh",
    "chiara", "chidi", "chinedu", "chloe", "christophe", "claudia", "colin", "connor", "corazon",
    "cristian", "cristina", "cyril", "daisuke", "daniela", "darren", "declan", "deepak", "deepika",
    "dermot", "desmond", "dewi", "diego", "dieter", "dilshan", "dimitris", "dinesh", "divya",
    "dmitri", "dmytro", "domingo", "dragan", "dylan", "eamon", "edgar", "eduardo", "efrain",
    "ekaterina", "ekrem", "elias", "elif", "ella", "emeka", "emi", "emilio", "emre", "enrico",
    "enrique", "erik", "ernesto", "esteban", "estela", "ethan", "evgeny", "fabian", "fabiola",
    "facundo", "faisal", "farai", "farid", "fatma", "fatou", "fausto", "fawzi", "federica",
    "federico", "felipe", "femi", "ferdinand", "fernanda", "fiona", "folake", "francesca",
    "frederik", "friedrich", "fumio", "gabriel", "gabriela", "galina", "ganesh", "gaurav", "gavin",
    "geert", "gennady", "gerardo", "german", "giorgia", "giorgos", "giovanni", "goncalo",
    "gonzalo", "gopal", "goran", "gotabaya", "graciela", "graham", "grainne", "grigory",
    "guillermo", "gustavo", "habib", "hakan", "hamad", "hamza", "hani", "harish", "haruka",
    "haruki", "hector", "heinz", "henrik", "hernan", "hideo", "hisham", "horacio", "huda",
    "humberto", "ibrahim", "ibrahima", "ichiro", "idrissa", "ignacio", "ilya", "ines", "ingrid",
    "irina", "isabel", "isabella", "isabelle", "issa", "ivica", "jabulani", "jaime", "jairo",
    "jamal", "jaroslaw", "jaswant", "javier", "jenna", "jens", "jesus", "jimena", "joachim",
    "joanne", "joao", "joaquin", "joko", "joost", "josefina", "juana", "julieta", "julio",
    "junichiro", "kagiso", "kamal", "kamau", "karan", "karim", "katarzyna", "kate", "kavita",
    "kazuo", "keiko", "keir", "kemal", "kenta", "khaled", "khalil", "kieran", "kirill", "koji",
    "kojo", "konstantin", "kostas", "krzysztof", "kusal", "kyriakos", "lakshmi", "lars", "lautaro",
    "layla", "leila", "leonardo", "leonid", "liam", "lily", "lindiwe", "lisandro", "liz", "lorena",
    "lorenzo", "luana", "luca", "lucas", "lucia", "luigi", "luisa", "luke", "lyudmila",
    "madeleine", "magnus", "mahinda", "mai", "majid", "makoto", "malgorzata", "mamadou", "manish",
    "manny", "manoj", "mansour", "marcelo", "marco", "marcos", "mariam", "mariana", "marina",
    "marisol", "markus", "marta", "marwan", "maryam", "masato", "mason", "massimo", "mateo",
    "mateusz", "mauricio", "maxim", "maximiliano", "meena", "megawati", "mehmet", "mette", "mia",
    "milos", "mohan", "molly", "monica", "mostafa", "moussa", "murat", "musa", "mustafa", "mwangi",
    "mykola", "nabil", "nalin", "naoki", "naoko", "nasser", "natalia", "natalya", "neha", "neil",
    "nenad", "ngozi", "niamh", "nigel", "nikita", "nikos", "nisha", "nitin", "njeri", "nkosana",
    "noah", "norma", "nour", "nuno", "nuwan", "octavio", "odhiambo", "oksana", "olaf", "oleg",
    "olena", "oliver", "olivia", "olivier", "oluwaseun", "osvaldo", "otieno", "ousmane", "owen",
    "ozan", "pankaj", "paola", "paolo", "patricio", "paulo", "pavel", "petro", "phil", "philippe",
    "pieter", "piotr", "pooja", "prabowo", "prakash", "prayut", "preeti", "pushpa", "rafael",
    "raila", "rajesh", "rajiv", "ramesh", "rami", "ramiro", "ramon", "rania", "ranil", "raquel",
    "rebekah", "rekha", "renato", "rene", "ricardo", "rishi", "rocio", "rodrigo", "rohit",
    "rolando", "roman", "rory", "rosa", "ruben", "rui", "ruslan", "rutger", "ruwan", "ryo",
    "sachin", "sajid", "sajith", "salif", "salma", "sami", "samir", "sandeep", "sanna", "santino",
    "satoshi", "saul", "seamus", "sebastian", "selin", "sergio", "sergiy", "seun", "seydou",
    "shahid", "shashi", "shehbaz", "shigeru", "shiv", "shota", "sigrid", "silvia", "siobhan",
    "sipho", "siti", "somchai", "sophie", "souleymane", "srettha", "stanislav", "stefan", "stuart",
    "sunita", "suresh", "susana", "sushil", "susilo", "sven", "svetlana", "sylvie", "takashi",
    "tamer", "tarek", "tariq", "taro", "tatenda", "tatiana", "tatyana", "tendai", "teresa",
    "thaksin", "themba", "thiago", "thierry", "tiago", "toby", "tomas", "tomasz", "tomislav",
    "tomoko", "trevor", "tunde", "uche", "uhuru", "ulises", "ursula", "usha", "vaclav", "valentin",
    "valentina", "valery", "vanessa", "vasily", "veronica", "vicente", "vikram", "viktor", "vinod",
    "vitaly", "vivek", "vojislav", "volodymyr", "vyacheslav", "wahyu", "waleed", "walid", "wambui",
    "wanjiru", "wilson", "wojciech", "ximena", "yannis", "yasmin", "yaw", "yekaterina", "yevgeny",
    "yogesh", "yoko", "yolanda", "yoshihide", "yousef", "youssef", "yui", "yuko", "yulia", "yury",
    "yusuf", "yusuke", "yves", "zaid", "zainab", "zbigniew", "zeynep", "ziad", "zoe", "zoran",
    "zulfiqar",
    // common given names of English-language news from decades past and present
    "calvin", "clarence", "leroy", "lloyd", "floyd", "herman", "harvey", "earl", "curtis",
    "glenn", "lester", "marvin", "melvin", "wallace", "willard", "alvin", "arnold", "cecil",
    "darrell", "dwight", "elmer", "gene", "jerome", "leo", "luther",
    "morris", "oscar", "otis", "reginald", "rodney", "roland", "rufus", "sidney", "sylvester",
    "ted", "terrence", "virgil", "wendell", "wilbur", "willis", "woodrow", "agnes", "bertha",
    "bonnie", "clara", "connie", "darlene", "edna", "elsie", "ethel", "faye", "gladys", "hazel",
    "inez", "irma", "jeanette", "josephine", "lillian", "lucille", "mabel", "marjorie", "mildred",
    "minnie", "myrtle", "nellie", "thelma", "wilma", "jessie", "tyrone", "darnell", "dwayne",
    "jermaine", "marcus", "andre", "keisha", "latoya", "tanya", "tonya", "shawn", "shane",
    "brent", "cody", "dustin", "jared", "jeremiah", "lance", "marc", "nolan", "randall",
    "seth", "brittany", "courtney", "erica", "heidi", "holly", "kristen", "misty",
    "tiffany", "whitney", "darryl", "kurt", "neal", "stacy", "stacey", "tracey", "wanda",
    "sherry", "sheila", "rhonda", "kristin", "kara", "jill", "gail", "marsha", "arlene",
    "maureen", "colleen", "eileen", "kathryn", "allison", "melanie", "jacqueline", "kimberley",
    "lorraine", "roberta", "rosemary", "geraldine", "juanita", "freddie", "jimmie", "tommie",
    "bennie", "johnnie", "lonnie", "ronnie", "donnie", "ricky", "rickey", "benny", "kenny",
];

/// Titles and roles that introduce a person's name ("President", "Gov.", "Sen.").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "premier", "chancellor", "minister", "secretary", "governor", "gov",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "mayor",
    "councilman", "councilwoman", "commissioner", "judge", "justice", "sheriff", "deputy",
    "officer", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "col", "colonel", "gen",
    "general", "maj", "major", "adm", "admiral", "cpl", "corporal", "pvt", "private", "chief",
    "detective", "inspector", "agent", "trooper", "king", "queen", "prince", "princess", "emperor",
    "pope", "bishop", "archbishop", "cardinal", "father", "rev", "reverend", "pastor", "rabbi",
    "imam", "sheikh", "ayatollah", "coach", "attorney", "prosecutor", "chairman", "chairwoman",
    "ceo", "spokesman", "spokeswoman", "leader", "ambassador", "envoy", "st", "saint", "uncle",
    "aunt", "brother", "sister", "jr", "sr", "nurse", "doctor", "dean", "principal",
    "superintendent", "supt", "comrade", "marshal", "assemblyman", "assemblywoman", "del",
    "delegate", "supervisor", "trustee",
];

/// Capitalised words that make the name they end or head an organisation, work or event
/// rather than a place ("Gainesville Police", "The New York Times", "Washington Post").
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "times", "post", "news", "herald", "tribune", "journal", "gazette", "daily", "telegraph",
    "observer", "guardian", "chronicle", "courier", "register", "examiner", "inquirer", "sun",
    "star", "express", "mirror", "record", "review", "magazine", "press", "radio", "television",
    "tv", "broadcasting", "network", "agency", "novosti", "university", "college", "institute",
    "academy", "school", "schools", "hospital", "clinic", "church", "cathedral", "company",
    "corporation", "corp", "inc", "ltd", "llc", "group", "bank", "airlines", "airways", "railway",
    "railways", "railroad", "party", "council", "committee", "commission", "department",
    "ministry", "office", "bureau", "board", "association", "society", "foundation", "fund",
    "trust", "club", "team", "league", "federation", "union", "orchestra", "symphony", "theatre",
    "theater", "museum", "zoo", "police", "sheriff", "fire", "rescue", "court", "courthouse",
    "senate", "assembly", "legislature", "parliament", "congress", "army", "navy", "guard",
    "corps", "brigade", "regiment", "division", "fleet", "command", "forces", "authority",
    "service", "services", "center", "centre", "hotel", "motel", "inn", "restaurant", "cafe",
    "mall", "store", "stores", "market", "stadium", "arena", "field", "library", "project",
    "prison", "jail", "penitentiary", "times-dispatch", "democrat", "republican", "bulletin",
    "dispatch", "sentinel", "ledger", "leader", "standard", "independent", "monitor", "beacon",
    "citizen", "advocate", "argus", "enquirer", "globe", "world", "cup", "open", "games",
    "marathon", "festival", "fair", "show", "awards", "conference", "summit", "accord", "accords",
    "agreement", "treaty", "protocol", "convention", "declaration", "plan", "act", "bill",
    "commandery", "hall", "chamber", "coalition", "alliance", "movement", "front", "brothers",
    "sons", "partners", "holdings", "industries", "systems", "technologies", "motors", "energy",
    "oil", "petroleum", "pharmaceuticals", "capital", "investments", "securities", "insurance",
    "electric", "power", "utilities", "water", "gas", "telecom", "communications", "media",
    "films", "pictures", "records", "entertainment", "studios", "steelers", "yankees", "giants",
    "bulls", "lakers", "rangers", "rovers", "united", "city", "wanderers", "athletic", "packers",
    "bears", "braves", "cubs", "reds", "mets", "red", "blue", "jazz", "heat", "magic", "thunder",
    "kings", "warriors", "hawks", "eagles", "lions", "tigers", "panthers", "falcons", "saints",
    "cowboys", "texans", "chiefs", "jets", "dolphins", "patriots", "raiders", "chargers",
    "broncos", "seahawks", "colts", "titans", "jaguars", "ravens", "browns", "bengals", "vikings",
    "cardinals", "rams", "49ers",
];

/// Capitalised words that end the name of a newspaper, agency or broadcaster
/// ("The New York Times", "Washington Post", "RIA Novosti").
#[rustfmt::skip]
const MEDIA_HEADS: &[&str] = &[
    "times", "post", "news", "herald", "tribune", "journal", "gazette", "daily", "telegraph",
    "observer", "guardian", "chronicle", "courier", "register", "examiner", "inquirer", "express",
    "mirror", "record", "review", "magazine", "press", "radio", "television", "broadcasting",
    "novosti", "bulletin", "dispatch", "sentinel", "ledger", "monitor", "beacon", "advocate",
    "argus", "enquirer", "globe", "times-dispatch", "star-ledger",
];

/// Lower-case words after a place name that make the two a disease's name ("West Nile
/// virus", "Lassa fever", "Lyme disease").
#[rustfmt::skip]
const DISEASES: &[&str] = &[
    "virus", "viruses", "ebolavirus", "fever", "hemorrhagic", "haemorrhagic", "encephalitis",
    "disease", "flu", "influenza", "syndrome",
];

/// Verbs of speaking next to a bare surname ("Nelson said", "said Nelson").
#[rustfmt::skip]
const SPEECH: &[&str] = &[
    "said", "says", "told", "added", "asked", "explained", "noted", "wrote", "testified",
    "recalled", "insisted", "argued", "replied", "admitted", "acknowledged", "stated",
];

/// Lower-case words that, right before a capitalised name, say it is a place.
#[rustfmt::skip]
const CUE_BEFORE: &[&str] = &[
    "in", "near", "at", "from", "to", "into", "outside", "across", "toward", "towards", "through",
    "throughout", "around", "via", "across", "inside", "within", "between", "visited", "visit",
    "visiting", "reached", "entered", "leaving", "left", "arrived", "flew", "traveled",
    "travelled", "moved", "returned", "born", "based", "downtown", "northern", "southern",
    "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "rural", "suburban", "neighboring", "neighbouring", "nearby", "of", "invaded",
    "occupied", "bombed", "toured", "crossed", "resident", "arrive", "leave", "reach", "sail",
    "sailed", "landed", "depart", "departed", "enter", "off",
];

/// Lower-case words naming a kind of place: "the city of X", "X province", "X region".
#[rustfmt::skip]
const PLACE_TYPES: &[&str] = &[
    "city", "town", "village", "hamlet", "county", "parish", "borough", "township", "municipality",
    "state", "province", "region", "district", "territory", "capital", "port", "island", "islands",
    "country", "nation", "republic", "kingdom", "oblast", "krai", "kray", "prefecture",
    "governorate", "department", "canton", "community", "suburb", "area", "neighborhood",
    "neighbourhood", "resort", "valley", "coast", "peninsula", "river", "lake", "sea", "gulf",
    "bay", "strait", "desert", "mountains", "border", "enclave", "settlement", "camp", "emirate",
    "cities", "towns", "villages", "counties", "states", "provinces", "regions", "districts",
    "countries",
];

/// Lower-case words after a name that say it is a place: "X residents", "X-based".
#[rustfmt::skip]
const CUE_AFTER: &[&str] = &[
    "residents", "resident", "native", "natives", "area", "areas", "region", "province", "city",
    "town", "village", "county", "border", "borders", "capital", "coast", "countryside", "suburbs",
    "suburb", "outskirts", "downtown", "metro", "airport", "based", "born", "authorities",
    "officials", "government", "governments", "police", "streets", "neighborhood", "neighbourhood",
];

/// Small words allowed inside a multi-word name ("Stratford upon Avon", "Bosnia and Herzegovina").
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
    "los", "las", "el", "al", "an", "am", "im", "on", "upon", "under", "y", "and", "the", "en",
    "sur", "aan", "op", "van", "von", "der", "den", "bin", "ibn", "es", "ob", "bei", "sous", "lès",
    "e", "i", "o",
];

/// US state postal and AP abbreviations, as written in datelines and "Town, St." pairs.
#[rustfmt::skip]
const US_STATES: &[(&str, &str)] = &[
    ("ala", "Alabama"), ("al", "Alabama"), ("alaska", "Alaska"), ("ak", "Alaska"),
    ("ariz", "Arizona"), ("az", "Arizona"), ("ark", "Arkansas"), ("ar", "Arkansas"),
    ("calif", "California"), ("cal", "California"), ("ca", "California"), ("colo", "Colorado"),
    ("co", "Colorado"), ("conn", "Connecticut"), ("ct", "Connecticut"), ("del", "Delaware"),
    ("de", "Delaware"), ("fla", "Florida"), ("fl", "Florida"), ("ga", "Georgia"), ("hi", "Hawaii"),
    ("ida", "Idaho"), ("id", "Idaho"), ("ill", "Illinois"), ("il", "Illinois"), ("ind", "Indiana"),
    ("in", "Indiana"), ("ia", "Iowa"), ("kan", "Kansas"), ("kans", "Kansas"), ("ks", "Kansas"),
    ("ky", "Kentucky"), ("la", "Louisiana"), ("me", "Maine"), ("md", "Maryland"),
    ("mass", "Massachusetts"), ("ma", "Massachusetts"), ("mich", "Michigan"), ("mi", "Michigan"),
    ("minn", "Minnesota"), ("mn", "Minnesota"), ("miss", "Mississippi"), ("ms", "Mississippi"),
    ("mo", "Missouri"), ("mont", "Montana"), ("mt", "Montana"), ("neb", "Nebraska"),
    ("nebr", "Nebraska"), ("ne", "Nebraska"), ("nev", "Nevada"), ("nv", "Nevada"),
    ("n h", "New Hampshire"), ("nh", "New Hampshire"), ("n j", "New Jersey"), ("nj", "New Jersey"),
    ("n m", "New Mexico"), ("n mex", "New Mexico"), ("nm", "New Mexico"), ("n y", "New York"),
    ("ny", "New York"), ("n c", "North Carolina"), ("nc", "North Carolina"),
    ("n d", "North Dakota"), ("n dak", "North Dakota"), ("nd", "North Dakota"), ("oh", "Ohio"),
    ("okla", "Oklahoma"), ("ok", "Oklahoma"), ("ore", "Oregon"), ("oreg", "Oregon"),
    ("or", "Oregon"), ("pa", "Pennsylvania"), ("penn", "Pennsylvania"), ("r i", "Rhode Island"),
    ("ri", "Rhode Island"), ("s c", "South Carolina"), ("sc", "South Carolina"),
    ("s d", "South Dakota"), ("s dak", "South Dakota"), ("sd", "South Dakota"),
    ("tenn", "Tennessee"), ("tn", "Tennessee"), ("tex", "Texas"), ("tx", "Texas"), ("ut", "Utah"),
    ("vt", "Vermont"), ("va", "Virginia"), ("wash", "Washington"), ("wa", "Washington"),
    ("w va", "West Virginia"), ("wv", "West Virginia"), ("wis", "Wisconsin"),
    ("wisc", "Wisconsin"), ("wi", "Wisconsin"), ("wyo", "Wyoming"), ("wy", "Wyoming"),
    ("d c", "District of Columbia"), ("dc", "District of Columbia"),
];

/// Months and weekdays: never a place when written alone.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

/// Words that make the capitalised word before them a street's name ("Wichita Street").
const STREETS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "court",
    "ct",
    "place",
    "pl",
    "terrace",
    "circle",
    "trail",
    "pike",
    "expressway",
    "freeway",
];

/// Compass words that qualify the name after them ("North Texas", "South Arlington").
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "central",
    "upper",
    "lower",
    "greater",
];

/// All the word lists, hashed for quick lookup: one table gives, for a word, every list
/// it is on, so that the several questions asked about one word cost one lookup.
pub(crate) struct Lexicon {
    /// The words of up to [`Lexicon::PACKED`] bytes, keyed by [`Lexicon::packed`]: a word's
    /// lookup hashes and compares one integer, no string. Every token is looked up.
    packed: FastMap<u128, Class>,
    /// The longer words.
    long: FastMap<&'static str, Class>,
    us_states: FastMap<&'static str, &'static str>,
}

/// The lists one lower-case word is on (see [`Lexicon::class`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Class(u16);

impl Class {
    /// A capitalised common word ("March", "Police", "Split").
    pub(crate) fn is_stop(self) -> bool {
        self.0 & (1 << 0) != 0
    }

    /// A month or weekday name.
    pub(crate) fn is_calendar(self) -> bool {
        self.0 & (1 << 1) != 0
    }

    /// A street-type word.
    pub(crate) fn is_street(self) -> bool {
        self.0 & (1 << 2) != 0
    }

    /// A compass or position word.
    pub(crate) fn is_compass(self) -> bool {
        self.0 & (1 << 3) != 0
    }

    /// A common given name.
    pub(crate) fn is_given_name(self) -> bool {
        self.0 & (1 << 4) != 0
    }

    /// A title or role before a person's name.
    pub(crate) fn is_title(self) -> bool {
        self.0 & (1 << 5) != 0
    }

    /// A word that makes a name an organisation's.
    pub(crate) fn is_org_head(self) -> bool {
        self.0 & (1 << 6) != 0
    }

    /// A word that makes a name a newspaper's or news agency's.
    pub(crate) fn is_media_head(self) -> bool {
        self.0 & (1 << 7) != 0
    }

    /// A word after a place name that makes the pair a disease's name.
    pub(crate) fn is_disease(self) -> bool {
        self.0 & (1 << 8) != 0
    }

    /// A verb of speaking.
    pub(crate) fn is_speech(self) -> bool {
        self.0 & (1 << 9) != 0
    }

    /// A word before a name that says it is a place.
    pub(crate) fn is_cue_before(self) -> bool {
        self.0 & (1 << 10) != 0
    }

    /// A word naming a kind of place.
    pub(crate) fn is_place_type(self) -> bool {
        self.0 & (1 << 11) != 0
    }

    /// A word after a name that says it is a place.
    pub(crate) fn is_cue_after(self) -> bool {
        self.0 & (1 << 12) != 0
    }

    /// A small word allowed inside a multi-word name.
    pub(crate) fn is_connector(self) -> bool {
        self.0 & (1 << 13) != 0
    }

    /// A news agency named after where it is ("Xinhua").
    pub(crate) fn is_agency(self) -> bool {
        self.0 & (1 << 14) != 0
    }

    /// A people's name that places are named after ("Cherokee", "Shawnee").
    pub(crate) fn is_people(self) -> bool {
        self.0 & (1 << 15) != 0
    }
}

/// Each list with the bit of [`Class`] that stands for it.
const LISTS: &[(u16, &[&str])] = &[
    (1 << 0, STOP),
    (1 << 1, CALENDAR),
    (1 << 2, STREETS),
    (1 << 3, COMPASS),
    (1 << 4, GIVEN_NAMES),
    (1 << 5, TITLES),
    (1 << 6, ORG_HEADS),
    (1 << 7, MEDIA_HEADS),
    (1 << 8, DISEASES),
    (1 << 9, SPEECH),
    (1 << 10, CUE_BEFORE),
    (1 << 11, PLACE_TYPES),
    (1 << 12, CUE_AFTER),
    (1 << 13, CONNECTORS),
    (1 << 14, NEWS_AGENCIES),
    (1 << 15, PEOPLES),
];

impl Lexicon {
    /// The lexicon, built on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut packed: FastMap<u128, Class> =
                with_capacity(LISTS.iter().map(|(_, l)| l.len()).sum());
            let mut long: FastMap<&'static str, Class> = FastMap::default();
            for &(bit, list) in LISTS {
                for &word in list {
                    match Self::packed(word) {
                        Some(key) => packed.entry(key).or_default().0 |= bit,
                        None => long.entry(word).or_default().0 |= bit,
                    }
                }
            }
            Lexicon {
                packed,
                long,
                us_states: US_STATES.iter().copied().collect(),
            }
        })
    }

    /// The longest word kept as a packed key.
    const PACKED: usize = 15;

    /// A word of at most [`Lexicon::PACKED`] bytes as one integer: its bytes, then zeros,
    /// then its length in the last byte, so that two words have the same key only when
    /// they are the same word.
    fn packed(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        if b.len() > Self::PACKED {
            return None;
        }
        // two words read with a few loads each (no call to copy a slice of unknown length)
        let (low, high) = b.split_at(b.len().min(8));
        let high = short_word(high) | (b.len() as u64) << 56;
        Some(u128::from(short_word(low)) | u128::from(high) << 64)
    }

    /// The lists a lower-case word is on.
    pub(crate) fn class(&self, lower: &str) -> Class {
        match Self::packed(lower) {
            Some(key) => self.packed.get(&key).copied().unwrap_or_default(),
            None => self.long.get(lower).copied().unwrap_or_default(),
        }
    }

    /// A word naming a part of a place ("Mainland China", "Northern Ireland").
    pub(crate) fn is_part_word(&self, lower: &str) -> bool {
        self.class(lower).is_compass()
            || matches!(
                lower,
                "mainland" | "inner" | "outer" | "rural" | "coastal" | "metropolitan" | "downtown"
            )
    }

    /// The state a US abbreviation stands for (`"w va"` → West Virginia); `key` is normalised.
    pub(crate) fn us_state(&self, key: &str) -> Option<&'static str> {
        self.us_states.get(key).copied()
    }
}

/// News agencies named after where they are ("Xinhua", "Yonhap", "Tass"): a source, never
/// a place, however the text cues them ("told Xinhua", "according to Tass").
#[rustfmt::skip]
const NEWS_AGENCIES: &[&str] = &[
    "xinhua", "tass", "yonhap", "kcna", "bernama", "interfax", "antara", "itar-tass", "ria",
    "anadolu", "irna", "wafa", "kyodo", "jiji",
];

/// Native American nations whose names towns, counties, states and rivers bear: in a
/// list of peoples ("the Delaware, the Ottawa, Shawnee, Pawnee and Potawatomi") or as the
/// subject of "were" ("The Cherokee were among the last to go") they are the peoples.
#[rustfmt::skip]
const PEOPLES: &[&str] = &[
    "apache", "arapaho", "blackfoot", "cherokee", "cheyenne", "chickasaw", "chicksaw",
    "chippewa", "choctaw", "comanche", "creek", "crow", "delaware", "erie", "fox", "hopi",
    "huron", "illinois", "iroquois", "kickapoo", "kiowa", "lakota", "lenape", "mandan",
    "menominee", "miami", "modoc", "mohawk", "mohican", "muscogee", "navajo", "navaho",
    "ojibwe", "ojibwa", "omaha", "oneida", "onondaga", "osage", "ottawa", "paiute", "pawnee",
    "ponca", "potawatomi", "pueblo", "sauk", "seminole", "seneca", "shawnee", "shoshone",
    "sioux", "tuscarora", "ute", "winnebago", "wyandot", "yakama", "yuma", "zuni",
];

/// Words for people that a place's name before them says where they are from
/// ("a Laconia man", "Concord residents").
pub(crate) const PEOPLE_FROM: &[&str] = &[
    "resident",
    "residents",
    "native",
    "natives",
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "teen",
    "teenager",
    "couple",
];

/// Words after a language's name ("English language", "Spanish speakers").
pub(crate) const LANGUAGE_AFTER: &[&str] = &[
    "language",
    "languages",
    "speaker",
    "speakers",
    "speaking",
    "translation",
    "translations",
    "translator",
    "translators",
    "lessons",
    "subtitles",
    "dub",
    "dubbed",
    "dialect",
    "dialects",
];

/// Verbs before a language's name ("spoke French", "translated into English").
pub(crate) const SPEAK: &[&str] = &[
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "speaking",
    "learn",
    "learns",
    "learned",
    "learning",
    "learnt",
    "teach",
    "teaches",
    "taught",
    "teaching",
    "fluent",
    "translate",
    "translated",
    "understand",
    "understands",
    "understood",
    "read",
    "write",
    "writes",
    "wrote",
];

/// Words written shortened with a period ("Smith & Co.", "Mt. Hood"); a place's name before
/// a period is otherwise a sentence's last word ("He lives in Concord.").
pub(crate) const ABBREVIATED_WORDS: &[&str] = &[
    "co", "corp", "inc", "ltd", "llc", "bros", "st", "mt", "ft", "no", "jr", "sr", "ave", "blvd",
    "dept", "univ", "assn", "intl",
];

/// The AP style's two-letter abbreviations of US states.
pub(crate) const AP_TWO_LETTER_STATES: &[&str] = &["ga", "ky", "la", "md", "mo", "pa", "va", "vt"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_word_is_its_bytes_then_zeros_then_its_length() {
        let all = "abcdefghijklmnopq";
        for word in (0..=all.len())
            .map(|n| &all[..n])
            .chain(["x\u{e9}", "ab'c"])
        {
            let expected = (word.len() <= Lexicon::PACKED).then(|| {
                let mut key = [0u8; 16];
                key[..word.len()].copy_from_slice(word.as_bytes());
                key[15] = word.len() as u8;
                u128::from_le_bytes(key)
            });
            assert_eq!(Lexicon::packed(word), expected, "{word}");
        }
    }

    #[test]
    fn every_listed_word_has_a_letter() {
        // so that no number or punctuation mark is on a list, and the recogniser looks
        // up words only
        for &(_, list) in LISTS {
            for word in list {
                assert!(word.bytes().any(|b| b.is_ascii_alphabetic()), "{word:?}");
            }
        }
    }

    #[test]
    fn the_lists_answer_in_lower_case() {
        let l = Lexicon::get();
        for (word, stop, given, title, org) in [
            ("march", true, false, false, false),
            ("police", true, false, false, true),
            ("jordan", false, true, false, false),
            ("president", true, false, true, false),
            ("times", true, false, false, true),
            ("khasan", false, false, false, false),
        ] {
            let class = l.class(word);
            assert_eq!(class.is_stop(), stop, "{word} stop");
            assert_eq!(class.is_given_name(), given, "{word} given");
            assert_eq!(class.is_title(), title, "{word} title");
            assert_eq!(class.is_org_head(), org, "{word} org");
        }
    }

    #[test]
    fn a_word_is_on_exactly_the_lists_that_hold_it() {
        let l = Lexicon::get();
        let mut words: Vec<String> = LISTS
            .iter()
            .flat_map(|(_, list)| list.iter().map(|w| (*w).to_owned()))
            .collect();
        // near misses: a letter more or less, the same word padded, longer words
        let near: Vec<String> = words
            .iter()
            .flat_map(|w| {
                [
                    format!("{w}s"),
                    w[..w.len() - 1].to_owned(),
                    format!("{w}\0"),
                ]
            })
            .collect();
        words.extend(near);
        words.extend(
            ["", "\0", "pharmaceuticalsx", "a-very-long-word-indeed", "x"].map(String::from),
        );
        for word in &words {
            let mut slow = 0;
            for &(bit, list) in LISTS {
                if list.contains(&word.as_str()) {
                    slow |= bit;
                }
            }
            assert_eq!(l.class(word), Class(slow), "{word:?}");
        }
    }

    #[test]
    fn state_abbreviations_expand() {
        let l = Lexicon::get();
        assert_eq!(l.us_state("w va"), Some("West Virginia"));
        assert_eq!(l.us_state("calif"), Some("California"));
        assert_eq!(l.us_state("paris"), None);
    }
}
