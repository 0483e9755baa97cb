//! Hand-written linguistic tables, kept as data apart from the code that uses them.
//!
//! Each table says where its entries came from. Lookups are case-sensitive unless a function
//! says otherwise; the tables hold the forms as they are written in running text.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A word list: entries separated by `|` in one string (no pointer per entry in the binary),
/// looked up through a hash set built on first use.
pub(crate) struct Table {
    src: &'static str,
    entries: OnceLock<Vec<&'static str>>,
    set: OnceLock<FxHashSet<&'static str>>,
    lower: OnceLock<FxHashSet<String>>,
}

impl Table {
    /// A table of the `|`-separated entries of `src`.
    pub const fn new(src: &'static str) -> Table {
        Table { src, entries: OnceLock::new(), set: OnceLock::new(), lower: OnceLock::new() }
    }

    /// The entries, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.get_or_init(|| self.src.split('|').filter(|e| !e.is_empty()).collect()).iter().copied()
    }

    /// Whether `word` is an entry, exactly.
    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.iter().collect()).contains(word)
    }

    /// Whether `word` is an entry, ignoring case.
    pub fn contains_ci(&self, word: &str) -> bool {
        let lower = self.lower.get_or_init(|| self.iter().map(str::to_lowercase).collect());
        if word.chars().any(char::is_uppercase) {
            lower.contains(&word.to_lowercase())
        } else {
            lower.contains(word)
        }
    }
}

/// Abbreviations that never end a sentence when followed by a name or a number: personal
/// titles and honorifics. Source: AP Stylebook titles (Gov., Sen., Rep., Gen., …), the Punkt
/// abbreviation lists of NLTK for English, German, French, Spanish, Italian, Portuguese, Dutch
/// and Russian, and the Hindi title डॉ (doctor) from case C21.
pub(crate) static TITLE_ABBREVIATIONS: Table = Table::new(
    "\
    Mr|Mrs|Ms|Messrs|Mmes|Dr|Drs|Prof|Profs|Gov|Govs|Sen|Sens|Rep|Reps|Gen|Lt|Col|Capt|Cmdr|\
    Cdr|Sgt|Cpl|Pvt|Adm|Maj|Brig|Rev|Revs|Hon|Pres|Supt|Insp|Det|Atty|Amb|Sec|Asst|Assoc|\
    Lieut|Ald|Msgr|Sr|Sra|Srta|St|Ste|Mt|Ft|Pt|Spc|Ens|Gov't|Hr|Hrn|Fr|Frl|Nr|bzw|ca|usw|\
    vgl|Dipl|Ing|M|Mme|Mmes|Mlle|Mlles|Me|Pr|Mgr|Dra|Ud|Uds|Lic|Dña|Da|Sig|Sigg|Dott|Avv|\
    Arch|Geom|dhr|Dhr|mevr|Mevr|ir|Ir|drs|mr|prof|dr|г|гг|ул|им|проф|акад|тов|ст|д|डॉ|प्रो",
);

/// Abbreviations that usually do not end a sentence, but may: a company, street or state
/// abbreviation, a month, a suffix. A boundary after one is kept only when the next word
/// opens a sentence (a capitalised stopword or pronoun: "… Co. The company said"). Source: AP
/// Stylebook state and month abbreviations, NLTK Punkt's English list, and the cases C03 and C09.
pub(crate) static AMBIGUOUS_ABBREVIATIONS: Table = Table::new(
    "\
    Inc|Corp|Co|Cos|Ltd|Jr|Bros|Assn|Dept|Univ|Intl|Natl|Mfg|Plc|Pty|Esq|PhD|Ave|Blvd|Rd|\
    Hwy|Pkwy|Sq|Ln|Cir|Ct|Pl|Apt|Bldg|Fla|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Ga|Ill|Ind|Kan|\
    Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|Wash|\
    Wis|Wyo|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|Vols|Art|Fig|Figs|\
    Ch|Sec|pp|p|ed|eds|approx|est|vs|v|etc|al|cf|ibid|min|max|ft|oz|lb|lbs|mi|km|sq|yr|yrs|\
    hr|hrs|mo|mos",
);

/// Words that open page-chrome lines: navigation, calls to action, widget and section labels.
/// A short line without a full stop that starts with one of these (case-insensitive, as whole
/// words) is dropped. Source: the chrome of the seed page, the `sh-` pages of the Scrapinghub
/// extraction benchmark and common CMS templates (WordPress, Arc, Brightspot), generalised to
/// the phrase rather than one site's wording; the first line holds the same calls to action in
/// Portuguese, Spanish, French, German, Italian and Dutch.
pub(crate) static CHROME_OPENERS: Table = Table::new(
    "\
    clique aqui|leia mais|leia também|veja também|haga clic|lea más|lea también|cliquez ici|\
    lire aussi|lire la suite|à lire aussi|hier klicken|weiterlesen|mehr lesen|mehr zum thema|\
    lesen sie auch|clicca qui|leggi anche|klik hier|lees ook|\
    skip to|jump to|go to|back to top|return to|sign in|sign up|log in|login|logout|log out|get|\
    register|subscribe|unsubscribe|follow|share|tweet|email|e-mail|print|save|bookmark|\
    copy link|comment|comments|read more|read next|read also|also read|read the full|\
    read full|continue reading|keep reading|more from|more on|more stories|more news|more:|\
    related|recommended|trending|most read|most popular|most viewed|popular|top stories|\
    latest news|latest stories|see also|see more|watch|listen|download|click|tap|\
    advertisement|advertising|sponsored|promoted|partner content|newsletter|get the|get our|\
    join|cookie|accept|privacy|terms of|all rights reserved|copyright|©|photo:|photos:|\
    image:|images:|video:|credit:|source:|gallery|open gallery|view gallery|view comments|\
    show comments|previous|next|menu|search|close|home|toggle|loading|play|replay|pause|\
    mute|unmute|enlarge|expand|collapse|updated|published|posted|last updated|filed|by |\
    story continues|article continues|scroll|trending now|breaking|live updates|watch live|\
    tags:|topics:|categories:|filed under",
);

/// Word endings of widget alt texts and labels ("Cloudy icon", "Site logo").
pub(crate) static CHROME_ENDINGS: Table = Table::new(
    "\
    icon|logo|image|photo|video|gallery|thumbnail|banner|button|advertisement|ad|menu|\
    slideshow",
);

/// Words inside the brackets of a photo credit: "(AP Photo/Name)", "(Photo: Name/Outlet)",
/// "(… via AP)", "Getty Images". Source: AP, Reuters, Getty and Gannett caption styles as they
/// appear in the shared pages and the seed.
pub(crate) static CREDIT_WORDS: Table = Table::new(
    "\
    Photo|Photos|photo|Image|Images|Credit|Courtesy|courtesy|via|AP|AFP|Reuters|Getty|EPA|\
    Shutterstock|Pool|Handout|handout|File|FILE|Xinhua|Bloomberg|Illustration|Press Service|\
    Staff|Video|Screenshot|Alamy|iStock|Flickr|Wikimedia|Sipa",
);

/// Opening words of photo captions ("In this handout photo released by …", "FILE - …").
pub(crate) static CAPTION_OPENERS: Table = Table::new(
    "\
    In this photo|In this handout photo|In this file photo|In this image|\
    In this undated photo|In this undated|In this handout|In this file|In this still image|\
    In this screenshot|In this frame grab|In this aerial photo|In this photo taken|\
    This photo|This undated photo|This handout photo|This image|This file photo|FILE -|\
    FILE —|FILE–|FILE PHOTO|File photo:|Pictured:|Pictured above:|Above:|Top:|Caption:|\
    PHOTO:|Photo:",
);

/// Reporting verbs that attribute a quote or a claim ("… , the ministry said."). Source: the
/// reporting-verb lists of quotation-attribution work (Pareti 2016, PARC 3.0), trimmed to
/// the verbs common in news.
pub(crate) static REPORTING_VERBS: Table = Table::new(
    "\
    said|says|say|told|tells|added|adds|stated|states|wrote|writes|asked|asks|explained|\
    explains|noted|notes|insisted|insists|argued|argues|warned|warns|announced|announces|\
    claimed|claims|tweeted|posted|replied|replies|responded|continued|recalled|acknowledged|\
    admitted|declared|remarked|testified|suggested|urged|predicted|conceded|emphasized|\
    emphasised|stressed|confirmed|denied|countered|concluded|reiterated|observed|\
    pointed out|shouted|joked|lamented|vowed|promised|agreed|recounted|described|reported|\
    according",
);

/// Words that, capitalised at the start of a sentence, leave it hanging on what came before:
/// connectives and pronouns. A sentence opening with one is demoted unless it is the first.
/// Source: the "dangling connective/pronoun" demotion of extractive summarisers (e.g. the
/// rules in Mitkov's anaphora work and in the TextTeaser and sumy tools), English only.
pub(crate) static DANGLING_OPENERS: Table = Table::new(
    "\
    but|and|or|so|yet|still|however|also|meanwhile|instead|nevertheless|nonetheless|\
    moreover|furthermore|besides|then|thus|hence|therefore|otherwise|he|she|they|it|this|\
    that|these|those|his|her|their|its|him|them|such|there|here|another|both|other|others|\
    later|afterwards|earlier|again|too",
);

/// Personal titles and roles that stand before a name ("Foreign Minister Qin Gang",
/// "CEO Craig Menear"): they are cut from person names and mark the name as a person.
/// Source: AP Stylebook titles and the roles that precede names in the shared fact set.
pub(crate) static PERSON_TITLES: Table = Table::new(
    "\
    Administrator|Superintendent|Supervisor|Provost|Regent|Magistrate|Ombudsman|Chaplain|\
    President|Vice|Prime|Minister|Secretary|Deputy|Chancellor|Governor|Gov|Senator|Sen|\
    Representative|Rep|Congressman|Congresswoman|Mayor|Judge|Justice|Chief|Executive|\
    Officer|CEO|CFO|COO|CTO|Chairman|Chairwoman|Chair|Director|Commissioner|Ambassador|\
    Envoy|General|Gen|Lieutenant|Lt|Colonel|Col|Captain|Capt|Major|Maj|Sergeant|Sgt|Admiral|\
    Adm|Commander|Corporal|Private|Officer|Detective|Det|Sheriff|Attorney|Prosecutor|Doctor|\
    Dr|Professor|Prof|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Pope|\
    Cardinal|Bishop|Archbishop|Rabbi|Imam|Reverend|Rev|Father|Sister|Brother|Coach|Manager|\
    Spokesman|Spokeswoman|Spokesperson|Speaker|Leader|Founder|Co-founder|Cofounder|Editor|\
    Author|Analyst|Economist|Superintendent|Principal|Dean|Chancellor|Premier|Foreign|\
    Defense|Defence|Interior|Finance|Health|State|Trade|Energy|Justice|Education|Labor|\
    Labour|Agriculture|Transport|Transportation|Home|Supreme|Leader|Emir|Sheikh|Crown|\
    Senior|Junior|Associate|Assistant|Acting|Interim|Former|Ex|Late|Star|Quarterback|\
    Pitcher|Forward|Striker|Goalkeeper|Midfielder|Defender|Guard|Center|Rapper|Singer|Actor|\
    Actress|Host|Anchor|Reporter|Correspondent|Writer|Producer|Filmmaker|Artist|Candidate|\
    Nominee|Lawmaker|Legislator|Councilman|Councilwoman|Councilmember|Alderman|Trustee|\
    Treasurer|Comptroller|Auditor|Inspector|Marshal|Trooper|Firefighter|Chef|Pastor|\
    Minister|Counselor|Adviser|Advisor|Aide|Presidential|Democratic|Republican|Democrat|U.S|\
    US|Rep.|Sen.|Gov.|Dr.|Mr.|Mrs.|Ms.|Prof.|Gen.|Lt.|Col.|Capt.|Sgt.|Adm.|Rev.|Det.|Pvt.|\
    Cpl.|Maj.|Cmdr.|Amb.|Atty.|Insp.|Supt.|Gov't",
);

/// Head words that make a capitalised name an organisation ("Chinese Foreign Ministry",
/// "Home Depot Inc.", "Conservative Party"). Source: the organisation suffixes of the
/// CoNLL-2003 and OntoNotes guidelines' examples, extended with news usage.
pub(crate) static ORG_HEADS: Table = Table::new(
    "\
    Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Companies|Ltd|Ltd.|LLC|LLP|PLC|Plc|AG|SA|\
    NV|GmbH|Group|Holdings|Partners|Capital|Ventures|Bank|Bancorp|Fund|Trust|Reserve|\
    Exchange|Party|Ministry|Department|Dept|Agency|Administration|Authority|Commission|\
    Committee|Council|Board|Bureau|Office|Service|Services|Force|Forces|Army|Navy|Guard|\
    Police|Patrol|Court|Congress|Parliament|Senate|Assembly|Cabinet|Government|Embassy|\
    University|College|Institute|Academy|School|Schools|Hospital|Clinic|Center|Centre|\
    Laboratory|Laboratories|Labs|Foundation|Association|Society|Union|Federation|League|\
    Alliance|Coalition|Organization|Organisation|Network|Networks|Media|News|Times|Post|\
    Journal|Herald|Tribune|Gazette|Daily|Press|Magazine|Reports|Review|Radio|TV|Television|\
    Broadcasting|Studios|Pictures|Records|Entertainment|Airlines|Airways|Motors|Motor|\
    Industries|Technologies|Technology|Systems|Software|Electric|Energy|Oil|Gas|\
    Pharmaceuticals|Pharma|Therapeutics|Health|Insurance|Securities|Investments|Markets|\
    Stores|Brands|Foods|Club|Team|FC|Giants|Church|Museum|Library|Zoo|Team|Campaign|\
    Movement|Brigade|Brigades|Battalion|Command|Corps|Unit|Division|Caucus|Court|Tribunal|\
    Prosecutors|Program|Programme|Project|Initiative|Institution|Consortium|Cooperative|\
    Co-op|Railway|Railways|Transit|Authority|Utility|Utilities|Works|Mills|Steel|Mining|\
    Chemicals|Labs|Agency|Directorate|Secretariat|Commissioner|Regulator|Watchdog|Healthcare|House|Pentagon|Kremlin|Robotics|Brothers|\
    Chronicle|Legislature|Productions|Infirmary|Clinics|Aerospace|Automotive|Airport|\
    Railroad|Bancshares|Financial|Partnership",
);

/// Words that open an organisation's name: "University of …", "Bank of …", "Ministry of …".
pub(crate) static ORG_OPENERS: Table = Table::new(
    "\
    University|Bank|Ministry|Department|Office|Bureau|Institute|College|School|Board|Court|\
    Council|Commission|Committee|House|Federation|Association|Society|League|Union|Church|\
    Museum|Academy|Agency|Party|Order|Friends|Doctors|Reporters|Save|Centers|Center|Centre",
);

/// Demonyms and national adjectives: capitalised words that are not names ("Russian Foreign
/// Minister Sergey Lavrov"). Kept inside organisation names ("Chinese Foreign Ministry"),
/// dropped from person names. Source: CLDR/ISO 3166 demonyms, the most common 120.
pub(crate) static DEMONYMS: Table = Table::new(
    "\
    Afghan|Albanian|Algerian|American|Angolan|Argentine|Argentinian|Armenian|Australian|\
    Austrian|Azerbaijani|Bahraini|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|\
    British|Bulgarian|Burmese|Cambodian|Cameroonian|Canadian|Chilean|Chinese|Colombian|\
    Congolese|Croatian|Cuban|Cypriot|Czech|Danish|Dutch|Ecuadorian|Egyptian|Emirati|English|\
    Eritrean|Estonian|Ethiopian|European|Filipino|Finnish|French|Georgian|German|Ghanaian|\
    Greek|Guatemalan|Haitian|Honduran|Hungarian|Icelandic|Indian|Indonesian|Iranian|Iraqi|\
    Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovar|\
    Kurdish|Kuwaiti|Kyrgyz|Laotian|Latvian|Lebanese|Libyan|Lithuanian|Malaysian|Malian|\
    Maltese|Mexican|Moldovan|Mongolian|Moroccan|Mozambican|Namibian|Nepali|Nepalese|\
    Nicaraguan|Nigerian|Nigerien|Norwegian|Omani|Pakistani|Palestinian|Panamanian|\
    Paraguayan|Peruvian|Polish|Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|Scottish|\
    Senegalese|Serbian|Singaporean|Slovak|Slovenian|Somali|South|Spanish|Sri|Sudanese|\
    Swedish|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Tunisian|Turkish|Turkmen|Ugandan|\
    Ukrainian|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|Western|\
    Eastern|Northern|Southern|Asian|African|Arab|Latin|Soviet|Islamic|Muslim|Christian|\
    Jewish|Catholic|Hindu|Buddhist|Sunni|Shiite|Shia|Democratic|Republican|Federal|National|\
    International|Global|Royal",
);

/// Countries, as news writes their short names. Source: ISO 3166-1, compiled by hand.
pub(crate) static COUNTRIES: Table = Table::new(
    "\
        Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|\
    Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|\
    Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|\
    Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|\
    Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|\
    El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|\
    Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|\
    India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|\
    Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|\
    Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|\
    Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|\
    Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|\
    Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|\
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|\
    Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|\
    Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|\
    Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|\
    Trinidad|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|\
    United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|\
    United States|US|U.S.|USA|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|\
    Yemen|Zambia|Zimbabwe",
);

/// Regions, states, provinces and cities: a small gazetteer (countries are in [`COUNTRIES`]).
/// US states, Canadian provinces, world capitals and the largest cities of the US, Europe, Asia
/// and Latin America, and common regions. Source: the US Census list of the 60 largest
/// cities, the UN list of capitals; compiled by hand.
pub(crate) static PLACES: Table = Table::new(
    "\
    Gaza|West Bank|Hong Kong|Macau|Crimea|Kashmir|Tibet|Xinjiang|Chechnya|Kurdistan|\
    Greenland|Puerto Rico|Guam|Europe|Asia|Africa|North America|South America|Latin America|\
    Middle East|Central Asia|Southeast Asia|East Asia|South Asia|Balkans|Caribbean|\
    Scandinavia|Siberia|Arctic|Antarctica|Pacific|Atlantic|Mediterranean|Sahel|Persian Gulf|\
    Delhi-NCR|Gulf|Midwest|New England|Silicon Valley|Bay Area|Wall Street|Capitol Hill|\
    Mars|Moon|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|\
    Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|\
    Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|\
    New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|\
    Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|\
    Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|\
    British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|\
    Queensland|Victoria|New South Wales|Tasmania|Kabul|Samarkand|Tashkent|Moscow|Beijing|\
    Shanghai|Tehran|Islamabad|Karachi|Lahore|New Delhi|Delhi|Mumbai|Kolkata|Chennai|\
    Bangalore|Bengaluru|Hyderabad|Dhaka|Kathmandu|Colombo|Bangkok|Hanoi|Ho Chi Minh City|\
    Jakarta|Manila|Kuala Lumpur|Tokyo|Osaka|Seoul|Pyongyang|Taipei|Wuhan|Guangzhou|Shenzhen|\
    Chengdu|Baghdad|Damascus|Beirut|Amman|Jerusalem|Tel Aviv|Riyadh|Jeddah|Mecca|Dubai|\
    Abu Dhabi|Doha|Kuwait City|Muscat|Sanaa|Ankara|Istanbul|Cairo|Alexandria|Tripoli|Tunis|\
    Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|Mogadishu|Kampala|Kigali|Lagos|\
    Abuja|Accra|Dakar|Kinshasa|Luanda|Johannesburg|Cape Town|Pretoria|Harare|London|\
    Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Cardiff|Belfast|Dublin|Paris|\
    Marseille|Lyon|Berlin|Munich|Hamburg|Frankfurt|Cologne|Brussels|Amsterdam|The Hague|\
    Rotterdam|Luxembourg|Geneva|Zurich|Bern|Vienna|Prague|Warsaw|Krakow|Budapest|Bratislava|\
    Bucharest|Sofia|Belgrade|Zagreb|Sarajevo|Athens|Rome|Milan|Naples|Venice|Florence|\
    Madrid|Barcelona|Seville|Valencia|Lisbon|Porto|Stockholm|Oslo|Copenhagen|Helsinki|\
    Reykjavik|Tallinn|Riga|Vilnius|Minsk|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|\
    St. Petersburg|Saint Petersburg|Tbilisi|Yerevan|Baku|Astana|Almaty|Bishkek|Dushanbe|\
    Ashgabat|Ottawa|Toronto|Montreal|Vancouver|Calgary|Mexico City|Guadalajara|Havana|\
    Caracas|Bogota|Bogotá|Lima|Quito|Santiago|Buenos Aires|Montevideo|Asuncion|La Paz|\
    Brasilia|Brasília|Sao Paulo|São Paulo|Rio de Janeiro|Sydney|Melbourne|Brisbane|Perth|\
    Adelaide|Canberra|Auckland|Wellington|Washington, D.C.|D.C.|New York City|Los Angeles|\
    Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|\
    Jacksonville|Fort Worth|Columbus|Charlotte|San Francisco|Indianapolis|Seattle|Denver|\
    Boston|El Paso|Nashville|Detroit|Oklahoma City|Portland|Las Vegas|Memphis|Louisville|\
    Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Kansas City|Mesa|Atlanta|Omaha|\
    Colorado Springs|Raleigh|Miami|Long Beach|Virginia Beach|Oakland|Minneapolis|Tulsa|\
    Tampa|Arlington|New Orleans|Wichita|Cleveland|Bakersfield|Aurora|Anaheim|Honolulu|\
    Santa Ana|Riverside|Corpus Christi|Lexington|Henderson|Stockton|Saint Paul|St. Louis|\
    Cincinnati|Pittsburgh|Greensboro|Anchorage|Plano|Lincoln|Orlando|Irvine|Newark|Toledo|\
    Durham|Chula Vista|Fort Wayne|Jersey City|St. Petersburg|Laredo|Madison|Chandler|\
    Buffalo|Lubbock|Scottsdale|Reno|Glendale|Gilbert|Winston-Salem|North Las Vegas|Norfolk|\
    Chesapeake|Garland|Irving|Hialeah|Fremont|Boise|Richmond|Baton Rouge|Spokane|Des Moines|\
    Tacoma|San Bernardino|Modesto|Fontana|Santa Clarita|Birmingham|Oxnard|Fayetteville|\
    Moreno Valley|Rochester|Glendale|Huntington Beach|Salt Lake City|Grand Rapids|Amarillo|\
    Yonkers|Albany|Springfield|Hartford|Providence|Trenton|Harrisburg|Annapolis|Dover|\
    Montgomery|Tallahassee|Jackson|Little Rock|Topeka|Lansing|Ann Arbor|Flint|Dearborn|\
    Ypsilanti|DeKalb|Berkeley|Palo Alto|Cupertino|Mountain View|Menlo Park|Redmond|Brooklyn|\
    Manhattan|Queens|Bronx|Staten Island|Harlem|Hollywood|Beverly Hills|Pasadena|\
    Santa Monica|Malibu|Paradise|Marin|Sonoma|Napa|Pittsburg|Concord|Walnut Creek|Hayward|\
    Daly City|Cambridge|Oxford|Bristol|Leeds|Sheffield|Nottingham|Leicester|Newcastle|\
    Southampton|Brighton|Bath|York|Kent|Surrey|Essex|Yorkshire|Cornwall|Mumbai|Pune|\
    Ahmedabad|Jaipur|Lucknow|Srinagar|Kandahar|Herat|Mazar-i-Sharif|Kunduz|Jalalabad|\
    Helmand|Logar|Bagram|Doha|Wardak|Ghazni|Baotou|Inner Mongolia",
);

/// Units after a number that make it a quantity ("8 inches", "55 mph", "10 years"). Source:
/// the SI and US customary units common in news, and spans of time.
pub(crate) static QUANTITY_UNITS: Table = Table::new(
    "\
    inch|inches|in.|foot|feet|ft|yard|yards|mile|miles|mph|km|kilometer|kilometers|\
    kilometre|kilometres|km/h|kph|meter|meters|metre|metres|m|cm|centimeters|centimetres|\
    millimeters|millimetres|mm|light-years|light-year|light|acre|acres|hectare|hectares|\
    square|gallon|gallons|liter|liters|litre|litres|barrel|barrels|pound|pounds|lb|lbs|\
    ounce|ounces|oz|ton|tons|tonne|tonnes|kilogram|kilograms|kg|gram|grams|g|mg|milligrams|\
    degree|degrees|°|°F|°C|F|C|watts|megawatts|gigawatts|MW|GW|kWh|volts|calories|knots|\
    year|years|month|months|week|weeks|day|days|hour|hours|minute|minutes|second|seconds|\
    decade|decades|century|centuries|millennia|GB|TB|MB|gigabytes|terabytes|megabytes|\
    pixels|megapixels|mAh|Hz|GHz|MHz|storeys|stories|floors|laps|yards",
);

/// Currency symbols and words. A symbol before a number, or a word after it, makes it money.
/// Source: ISO 4217 symbols as news writes them.
pub(crate) static CURRENCY_SYMBOLS: Table = Table::new(
    "\
    US$|HK$|A$|C$|NZ$|S$|R$|NT$|$|€|£|¥|₹|₩|₽|₺|₦|₪|฿|Rs.|Rs|Rp|RM|CHF|USD|EUR|GBP|JPY|CNY|\
    RMB|INR",
);

/// Currency words that follow an amount ("176 Hong Kong dollars", "5 million euros").
pub(crate) static CURRENCY_WORDS: Table = Table::new(
    "\
    dollar|dollars|euro|euros|pound|pounds|sterling|yen|yuan|renminbi|rupee|rupees|rubles|\
    roubles|ruble|rouble|won|pesos|peso|francs|franc|reais|real|lira|rand|naira|shekels|\
    dinars|dirhams|riyals|baht|ringgit|rupiah|cents|pence|bitcoin|元|亿元|万元|美元|欧元|日元|円|원",
);

/// Scale words after a number ("1.2 billion", "$12.9bn", "Rs 2 crore").
pub(crate) static SCALE_WORDS: Table = Table::new(
    "\
    thousand|million|billion|trillion|bn|m|mn|k|tn|crore|crores|lakh|lakhs|万|亿|千|百万",
);

/// Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
pub(crate) static CONNECTORS: Table = Table::new(
    "\
    of|de|del|della|da|do|dos|das|du|van|von|der|den|la|le|al|bin|ibn|el|y",
);

/// Title words that modify a title rather than being one ("Foreign" in "Foreign Minister"):
/// stripped from the front of a person's name but not a cue on their own.
pub(crate) static TITLE_MODIFIERS: Table = Table::new(
    "\
    Vice|Prime|Deputy|Foreign|Defense|Defence|Interior|Finance|Health|State|Trade|Energy|\
    Justice|Education|Labor|Labour|Agriculture|Transport|Transportation|Home|Supreme|Crown|\
    Senior|Junior|Associate|Assistant|Acting|Interim|Former|Ex|Late|Presidential|Democratic|\
    Republican|U.S|US|Affairs|Executive|General|Attorney|Managing|National|Security|\
    Press|Head|Star|Veteran|Rookie|Legendary",
);

/// Head words of places ("Eagle Ridge", "Logar province" is written lower case).
pub(crate) static PLACE_HEADS: Table = Table::new(
    "\
    County|Ridge|Mountain|Mountains|Mount|Mt|River|Lake|Valley|Park|Beach|Island|Islands|\
    Bay|Street|St|Avenue|Ave|Road|Rd|Boulevard|Square|Bridge|Canyon|Creek|Falls|Hill|Hills|\
    Harbor|Harbour|Peak|Forest|Desert|Coast|Province|Region|District|City|Town|Village|\
    Airport|Station|Stadium|Arena|Field|Plaza|Heights|Springs|Gardens|Township|Parish|\
    Borough|Peninsula|Strait|Sea|Ocean|Gulf|Highway|Freeway|Interstate|Statehouse|Capitol|\
    Square|Garden",
);

/// Lower-case words after a name that make it a place ("Logar province").
pub(crate) static LOWER_PLACE_HEADS: Table = Table::new(
    "\
    province|county|region|district|state|city|town|village|prefecture|oblast|governorate|\
    island|valley",
);

/// Corporate suffixes after which a chain is cut ("Brightline Inc. Chief Executive …").
pub(crate) static CORPORATE_SUFFIXES: Table = Table::new(
    "\
    Inc|Corp|Co|Ltd|LLC|PLC|Plc|AG|GmbH|LLP",
);

/// Words that stand before a place ("in Kabul", "near Tulsa").
pub(crate) static PLACE_PREPOSITIONS: Table = Table::new(
    "\
    in|at|near|from|to|outside|across|around|across|throughout",
);

/// Time zone abbreviations that may follow a clock time.
pub(crate) static TIME_ZONES: Table = Table::new(
    "\
    ET|EST|EDT|CT|CST|CDT|MT|MST|PT|PST|PDT|GMT|BST|UTC|CET|CEST|IST|JST",
);

/// Words before a bare month name that make it a date ("in March", "since May").
pub(crate) static MONTH_CUES: Table = Table::new(
    "\
    in|on|since|by|until|till|through|last|next|early|late|mid|this|from|of|during|before|\
    after",
);

/// Month names and their abbreviations, English and the other supported Latin-script
/// languages, mapped to the month number. Source: CLDR month names (wide and abbreviated).
#[rustfmt::skip]
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("January", 1), ("February", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6),
    ("July", 7), ("August", 8), ("September", 9), ("October", 10), ("November", 11),
    ("December", 12), ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7),
    ("Aug", 8), ("Sep", 9), ("Sept", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12), ("janvier", 1),
    ("février", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6), ("juillet", 7),
    ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
    ("Januar", 1), ("Februar", 2), ("März", 3), ("Juni", 6), ("Juli", 7), ("Oktober", 10),
    ("Dezember", 12), ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5),
    ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12), ("janeiro", 1), ("fevereiro", 2), ("março", 3),
    ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10), ("dezembro", 12),
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
    ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
];

/// Weekday names (English, French, German, Spanish, Portuguese, Italian), mapped to 1 =
/// Monday … 7 = Sunday. Source: CLDR day names.
#[rustfmt::skip]
pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("Monday", 1), ("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4), ("Friday", 5),
    ("Saturday", 6), ("Sunday", 7), ("lundi", 1), ("mardi", 2), ("mercredi", 3), ("jeudi", 4),
    ("vendredi", 5), ("samedi", 6), ("dimanche", 7), ("Montag", 1), ("Dienstag", 2),
    ("Mittwoch", 3), ("Donnerstag", 4), ("Freitag", 5), ("Samstag", 6), ("Sonntag", 7),
    ("lunes", 1), ("martes", 2), ("miércoles", 3), ("jueves", 4), ("viernes", 5), ("sábado", 6),
    ("domingo", 7),
];

/// Number words up to twenty and the tens, for counts written out ("nine witnesses").
#[rustfmt::skip]
pub(crate) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
    ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
    ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
    ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("dozen", 12),
    ("dozens", 12), ("hundreds", 100), ("thousands", 1000), ("millions", 1_000_000),
];

/// Words that open sentences and are capitalised only for that: adverbs, prepositions and
/// conjunctions ("Since Diwali", "Unlike LLMs", "Sadly"). A chain of capitalised words that
/// starts a sentence loses such first words. English; source: the sentence-initial words of
/// the shared pages that the name rules took for names, generalised to their word classes.
pub(crate) static SENTENCE_OPENERS: Table = Table::new(
    "\
    Since|Unlike|Like|Neither|Either|Less|More|Most|Many|Much|Some|Several|Few|Sadly|\
    Fortunately|Unfortunately|Luckily|Hopefully|According|Following|After|Before|During|\
    While|Although|Though|Despite|Because|As|If|When|Once|Even|Just|Only|Still|Yet|Also|Now|\
    Then|Today|Yesterday|Tomorrow|Tonight|Instead|Meanwhile|Overall|Indeed|However|Perhaps|\
    Maybe|Finally|Later|Earlier|Recently|Currently|Previously|Last|Next|Every|Each|Both|\
    Another|Other|All|Any|No|Not|Never|Always|Often|Sometimes|Here|There|Where|Why|How|What|\
    Which|Who|Whose|Whether|Under|Over|Among|Between|Without|Within|Through|Throughout|\
    Across|Against|Along|Around|Behind|Beyond|Inside|Outside|Near|Amid|Per|Via|Upon|Until|\
    Unless|Whereas|Besides|Moreover|Furthermore|Nevertheless|Nonetheless|Thus|Hence|\
    Therefore|Otherwise|Again|Too|Together|Separately|Additionally|Similarly|Likewise|\
    Specifically|Eventually|Ultimately|Initially|Originally|Traditionally|Typically|Usually|\
    Generally|Clearly|Obviously|Apparently|Reportedly|Allegedly|Officially|Publicly|\
    Privately|Notably|Importantly|Interestingly|Surprisingly|Ironically|Born|Asked|Speaking|\
    Writing|Using|Given|Based|Known|Called|Named|Dear|Hey|Hi|Hello|Thanks|Please|Watch|Read|\
    See|Click|Related|Photo|Video|Image|Top|Breaking|Exclusive|Update|Updated|Editor|Note|\
    One|Two|Three|First|Second|Third|Half|Part",
);

/// Common given names (and, at the end, the commonest Chinese surnames, which stand first):
/// a capitalised pair that starts with one is a person ("Robin Biesbroek"). Source: the most
/// frequent given names of the US Social Security Administration lists and of UK, Spanish,
/// French, German, Italian, Russian, Arabic and Indian usage, with the names of heads of
/// government; compiled by hand.
pub(crate) static GIVEN_NAMES: Table = Table::new(
    "\
    Aaron|Abby|Abdul|Abdullah|Abigail|Abraham|Ada|Adam|Adams|Adele|Adrian|Adriana|Agnes|\
    Ahmad|Ahmed|Aidan|Aisha|Alan|Alana|Albert|Alberto|Alejandro|Aleksandr|Alex|Alexander|\
    Alexandra|Alexandre|Alexei|Alexis|Alfred|Ali|Alice|Alicia|Alina|Alison|Allan|Allen|\
    Allison|Alma|Amanda|Amber|Amelia|Amir|Amit|Amy|Ana|Anand|Anastasia|Anders|Andre|Andrea|\
    Andreas|Andrei|Andres|Andrew|Andy|Angel|Angela|Angelica|Angelina|Angelo|Anil|Anita|Ann|\
    Anna|Anne|Annie|Anthony|Antoine|Antonio|Anwar|Arjun|Arnold|Arthur|Arturo|Arvind|Aryan|\
    Ashley|Ashok|Ashraf|Audrey|Austin|Ava|Barack|Barbara|Barry|Beatriz|Ben|Benjamin|Bernard|\
    Bernie|Beth|Betty|Beverly|Bill|Billy|Bob|Bobby|Bonnie|Boris|Brad|Bradley|Brandon|Brenda|\
    Brendan|Brett|Brian|Bridget|Britney|Brittany|Bruce|Bruno|Bryan|Byron|Cai|Caitlin|Calvin|\
    Cameron|Camila|Candace|Carl|Carla|Carlos|Carmen|Carol|Caroline|Carolyn|Carrie|Casey|\
    Catherine|Cathy|Cecilia|Chad|Charles|Charlie|Charlotte|Chelsea|Chen|Cheryl|Chloe|Chris|\
    Christian|Christina|Christine|Christopher|Chuck|Cindy|Claire|Clara|Clarence|Claude|\
    Claudia|Clayton|Clint|Cody|Colin|Connor|Conor|Courtney|Craig|Cristina|Crystal|Curtis|\
    Cynthia|Dale|Dan|Dana|Daniel|Daniela|Danielle|Danny|Daria|Darius|Darren|Dave|David|Dawn|\
    Dean|Debbie|Deborah|Debra|Deepak|Deng|Denis|Denise|Dennis|Derek|Devin|Diana|Diane|Diego|\
    Dimitri|Dmitri|Dmitry|Dominic|Dominique|Don|Donald|Dong|Donna|Doris|Dorothy|Doug|\
    Douglas|Duncan|Dustin|Dylan|Ed|Eddie|Edgar|Edith|Eduardo|Edward|Edwin|Eileen|Elaine|\
    Eleanor|Elena|Eli|Elias|Elijah|Elizabeth|Ella|Ellen|Elliot|Elon|Emily|Emma|Emmanuel|\
    Enrique|Eric|Erica|Erik|Erin|Ernest|Ernesto|Esther|Ethan|Eugene|Eva|Evan|Evelyn|Fabio|\
    Faisal|Farah|Farid|Fatima|Felipe|Felix|Feng|Fernando|Fiona|Frances|Francesca|Francis|\
    Francisco|Frank|Franklin|Fred|Frederick|Fumio|Gabriel|Gabriela|Gail|Gao|Gareth|Gary|\
    Gavin|Gemma|Gene|Geoffrey|George|Georgia|Gerald|Gerard|Gina|Giorgia|Giovanni|Giuseppe|\
    Glen|Glenn|Gloria|Gordon|Grace|Graham|Grant|Greg|Gregory|Guillermo|Guo|Gustavo|Hailey|\
    Haley|Hamid|Han|Hana|Hannah|Hans|Harold|Harriet|Harry|Hassan|He|Heather|Hector|Heidi|\
    Helen|Helena|Henry|Herbert|Hilary|Hillary|Hina|Hiroshi|Holly|Hong|Hossein|Howard|Hu|\
    Huang|Hugh|Hugo|Hunter|Hussein|Ian|Ibrahim|Igor|Ilhan|Imran|Irene|Iris|Isaac|Isabel|\
    Isabella|Ivan|Jacinda|Jack|Jackie|Jackson|Jacob|Jacqueline|Jade|Jaime|Jair|Jake|James|\
    Jamie|Jan|Jane|Janet|Janice|Jared|Jasmine|Jason|Javier|Jay|Jean|Jeanne|Jeff|Jeffrey|\
    Jenna|Jennifer|Jenny|Jens|Jeremy|Jerome|Jerry|Jesse|Jessica|Jesus|Jiang|Jill|Jim|Jimmy|\
    Jo|Joan|Joanna|Joanne|Joao|Joe|Joel|Johann|John|Johnny|Jon|Jonathan|Jordan|Jorge|Jose|\
    Joseph|Josh|Joshua|Joy|Joyce|Juan|Judith|Judy|Julia|Julian|Julie|Juliet|Justin|Kamala|\
    Kang|Karen|Karim|Karl|Kate|Katherine|Kathleen|Kathryn|Kathy|Katie|Katrina|Kay|Keir|\
    Keith|Kelly|Kelvin|Ken|Kenji|Kenneth|Kevin|Khalid|Kim|Kimberly|Kirk|Kristen|Kristin|\
    Kurt|Kyle|Lana|Lance|Larry|Laura|Lauren|Lawrence|Leah|Lee|Leila|Leo|Leon|Leonard|Leslie|\
    Lewis|Li|Liam|Lily|Lin|Linda|Lindsay|Lindsey|Lisa|Liu|Logan|Lois|Lorenzo|Lori|Louis|\
    Louise|Lucas|Lucia|Lucy|Luis|Luiz|Luke|Luo|Lynn|Ma|Madeline|Madison|Magdalena|Maggie|\
    Mahmoud|Malcolm|Mamata|Manuel|Marc|Marco|Marcus|Margaret|Margarita|Maria|Mariana|Marie|\
    Marilyn|Mario|Marion|Marisa|Mark|Marlon|Martha|Martin|Marvin|Mary|Mason|Matt|Matthew|\
    Maureen|Max|Maxim|Maya|Megan|Mehmet|Melanie|Melissa|Mia|Michael|Michel|Michele|Michelle|\
    Miguel|Mike|Mikhail|Miles|Miranda|Mitch|Mitchell|Mohamed|Mohammad|Mohammed|Monica|\
    Morgan|Muhammad|Mustafa|Nadia|Naftali|Nancy|Naomi|Narendra|Natalia|Natalie|Nathan|Nayib|\
    Neil|Nicholas|Nick|Nicola|Nicolas|Nicole|Nigel|Nikita|Nikolai|Nina|Nitish|Noah|Norman|\
    Olaf|Olga|Oliver|Olivia|Omar|Oscar|Owen|Pablo|Pamela|Pan|Paolo|Patricia|Patrick|Paul|\
    Paula|Pauline|Pedro|Peggy|Penny|Peter|Philip|Phillip|Pierre|Pooja|Priya|Qin|Rachel|\
    Rafael|Rahul|Raj|Rajesh|Ralph|Ramon|Randy|Raquel|Raul|Ray|Raymond|Rebecca|Recep|Regina|\
    Reza|Ricardo|Richard|Rick|Ricky|Rishi|Rita|Rob|Robert|Roberto|Robin|Rod|Rodney|Roger|\
    Roland|Roman|Ron|Ronald|Rosa|Rose|Rosie|Ross|Roy|Ruby|Rudy|Russell|Ruth|Ryan|Sabrina|\
    Sadiq|Sally|Salman|Sam|Samantha|Samuel|Sandra|Sandy|Sanjay|Sara|Sarah|Scott|Sean|\
    Sebastian|Semyon|Serena|Sergei|Sergey|Sergio|Seth|Shane|Shannon|Sharon|Shaun|Shawn|\
    Shehbaz|Sheila|Shelby|Shen|Shinzo|Shirley|Sidney|Simon|Simone|Sofia|Song|Sonia|Sophia|\
    Sophie|Stacy|Stan|Stanley|Stefan|Stephanie|Stephen|Steve|Steven|Stuart|Sue|Sun|Sunil|\
    Susan|Suzanne|Sylvia|Tamara|Tammy|Tang|Tanya|Tara|Taylor|Ted|Teresa|Terrence|Terry|\
    Theodore|Theresa|Thomas|Tiffany|Tim|Timothy|Tina|Toby|Todd|Tom|Tommy|Toni|Tony|Tracy|\
    Travis|Trevor|Troy|Tyler|Ursula|Valerie|Vanessa|Victor|Victoria|Vijay|Vikram|Viktor|\
    Vincent|Violet|Virginia|Vivian|Vladimir|Volodymyr|Walter|Wanda|Wang|Warren|Wayne|Wei|\
    Wendy|Wesley|William|Willie|Wu|Xavier|Xi|Xu|Yair|Yang|Yann|Yasmin|Ye|Yu|Yuki|Yuri|Yusuf|\
    Zach|Zachary|Zeph|Zhang|Zhao|Zhou|Zhu|Zoe",
);

/// The month number of a month name or abbreviation (case-insensitive for the first letter).
pub(crate) fn month(word: &str) -> Option<u8> {
    static MAP: OnceLock<rustc_hash::FxHashMap<String, u8>> = OnceLock::new();
    lookup_ci(MAP.get_or_init(|| MONTHS.iter().map(|&(m, n)| (m.to_lowercase(), n)).collect()), word)
}

/// Whether `word` is an English month name or abbreviation as written in running text
/// ("March", "Sept"): such capitalised words are dates, not names. ("Mars" is not.)
pub(crate) fn is_english_month(word: &str) -> bool {
    MONTHS[..24].iter().any(|(m, _)| *m == word)
}

/// The value of a number word ("nine" → 9), case-insensitive.
pub(crate) fn number_word(word: &str) -> Option<u32> {
    static MAP: OnceLock<rustc_hash::FxHashMap<String, u32>> = OnceLock::new();
    lookup_ci(MAP.get_or_init(|| NUMBER_WORDS.iter().map(|&(w, n)| (w.to_string(), n)).collect()), word)
}

/// The weekday number (1 = Monday) of a weekday name (case-insensitive).
pub(crate) fn weekday(word: &str) -> Option<u8> {
    static MAP: OnceLock<rustc_hash::FxHashMap<String, u8>> = OnceLock::new();
    lookup_ci(MAP.get_or_init(|| WEEKDAYS.iter().map(|&(d, n)| (d.to_lowercase(), n)).collect()), word)
}

/// Looks `word` up, lower-cased, in a map with lower-case keys; no allocation for short words.
fn lookup_ci<V: Copy>(map: &rustc_hash::FxHashMap<String, V>, word: &str) -> Option<V> {
    if word.len() > 16 || !word.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 16];
    if word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
        return map.get(lower).copied();
    }
    map.get(&word.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_well_formed() {
        let tables = [
            &TITLE_ABBREVIATIONS,
            &AMBIGUOUS_ABBREVIATIONS,
            &CHROME_OPENERS,
            &CHROME_ENDINGS,
            &CREDIT_WORDS,
            &CAPTION_OPENERS,
            &REPORTING_VERBS,
            &DANGLING_OPENERS,
            &PERSON_TITLES,
            &ORG_HEADS,
            &ORG_OPENERS,
            &DEMONYMS,
            &COUNTRIES,
            &PLACES,
            &QUANTITY_UNITS,
            &CURRENCY_SYMBOLS,
            &CURRENCY_WORDS,
            &SCALE_WORDS,
            &CONNECTORS,
            &TITLE_MODIFIERS,
            &PLACE_HEADS,
            &LOWER_PLACE_HEADS,
            &CORPORATE_SUFFIXES,
            &PLACE_PREPOSITIONS,
            &TIME_ZONES,
            &MONTH_CUES,
            &SENTENCE_OPENERS,
            &GIVEN_NAMES,
        ];
        for table in tables {
            assert!(table.iter().count() > 2);
            // No stray white space from line continuations; only chrome phrases such as
            // "by " end with a space on purpose.
            assert!(table.iter().all(|w| !w.starts_with(' ') && !w.contains('\n') && !w.contains("  ")));
        }
        assert!(PLACES.contains("Samarkand") && !PLACES.contains("samarkand") && COUNTRIES.contains("Uzbekistan"));
        assert!(DANGLING_OPENERS.contains_ci("However"));
        assert!(CHROME_OPENERS.iter().any(|o| o == "by "));
    }

    #[test]
    fn month_and_weekday_lookups() {
        assert_eq!(month("Jan"), Some(1));
        assert_eq!(month("august"), Some(8));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("Mayday"), None);
        assert_eq!(weekday("thursday"), Some(4));
        assert_eq!(weekday("Thurs"), None);
    }
}
