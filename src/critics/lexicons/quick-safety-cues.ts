/**
 * `quick_safety` cue lexicons: benign senses that mask a hit, request and intent cues that raise
 * it, framings that lower it, and the words that pair sexual content with minors. Regex sources
 * without capture groups, matched case-insensitively as whole words over de-obfuscated text.
 */
import type { ActionGroup, SafetyCategory } from './quick-safety-rules.js';

/** Benign senses of harm words: a hit overlapping one of these is dropped. */
export const BENIGN_SENSES: readonly string[] = [
  // kill
  String.raw`p?kill(?:all)?\s+-(?:\d+|[a-z]+)|pkill|killall|taskkill|kill\s+switch(?:es)?|kill\s+chain|kill\s+screen|kill\s+(?:count|streak|feed|cam|shot)s?|kill/death|overkill|killjoy|painkillers?|weed\s*killers?|bug\s+killers?`,
  String.raw`kill(?:s|ed|ing)?\s+(?:(?:the|a|an|that|this|these|those|all|my|your|its|any|every|old|stuck|hung|running|zombie|background|child|parent|other|all\s+the|all\s+running)\s+){0,2}(?:process(?:es)?|tasks?|jobs?|pids?|threads?|servers?|containers?|pods?|sessions?|apps?|application|applications|programs?|services?|daemons?|query|queries|connections?|tabs?|windows?|workers?|signals?|commands?|instances?|nodes?|vms?|builds?|branch(?:es)?|features?|projects?|bills?|ideas?|plans?|deals?|proposals?|tickets?|bugs?|engine|lights|music|noise|mood|vibe|buzz|time|weeds?|germs|bacteria|viruses|pests?|mold|mould|lice|fleas|ants|roaches|cockroaches|mosquitoes|flies|spiders?|rats|mice|zombies|monsters|enemies|bosses|mobs|creepers|orcs|goblins|aliens|bots|npcs|dragons|demons|batteries|battery|conversation|momentum|joke|pain)`,
  String.raw`(?:zombie|orphan(?:ed)?|stuck|hung|frozen|running|background|child|idle|stale|defunct|runaway)\s+(?:process(?:es)?|threads?|jobs?|containers?|pods?|sessions?|connections?|workers?|tasks?)\b[^!]{0,80}?\bkill\s+(?:them|it|those|all\s+of\s+them)`,
  String.raw`kill(?:ing|ed)?\s+it|kill\s+two\s+birds|(?:could|would)\s+kill\s+for|dressed\s+to\s+kill|to\s+kill\s+a\s+mockingbird|kill\s+bill|killing\s+floor|killer\s+(?:features?|apps?|deals?|ideas?|combos?|looks?|views?|workouts?|songs?|tracks?|instincts?|whales?|bees?|heels|smile|sudoku|queen|robot|bunny|mike|content|moves?|lines?|performance)|(?:is|are)\s+killing\s+me|(?:you're|you\s+are)\s+killing\s+me|serial\s+killers?\s+(?:documentary|podcast|novel)`,
  // shoot / shot
  String.raw`shoot(?:s|ing)?\s+(?:(?:a|an|the|some|my|your|our|this|that|more)\s+)?(?:photos?|pictures?|pics?|videos?|films?|movies?|scenes?|footage|portraits?|weddings?|commercials?|documentar(?:y|ies)|episodes?|hoops|baskets|pool|the\s+breeze|the\s+moon|for\s+the\s+stars|in\s+raw|with\s+(?:a|my|the)\s+(?:camera|phone|iphone|lens|dslr)|on\s+(?:film|location|35mm)|me\s+(?:a|an)\s+\p{L}+|(?:you|him|her|them)\s+(?:a|an)\s+(?:email|text|message|dm|line|note|invite|link|pic|photo|reminder)|an?\s+(?:email|message|text|dm|note|reminder)|down\s+(?:the|an?|my|your|that|this|his|her)\s+(?:idea|proposal|suggestion|request|plan|rumou?r))`,
  String.raw`photo\s*shoots?|video\s+shoots?|(?:flu|booster|covid|vaccine|insulin|b12|allergy|tetanus|cortisone|botox)\s+shots?|shots?\s+of\s+(?:espresso|whisky|whiskey|tequila|vodka|rum|gin|the|a|an|this|that)|screen\s*shots?|snap\s*shots?|mug\s*shots?|head\s*shots?|long\s+shot|big\s+shots?|give\s+it\s+a\s+shot|(?:a|another)\s+shot\s+at|shot\s+glass(?:es)?|trouble\s*-?shoot(?:ing|er)?|moon\s*shot|shoot-?em-?up|shooting\s+stars?|(?:sharp|trap|skeet|clay)\s*-?shoot(?:ers|ing)?|first-person\s+shooters?|(?:photo|screen)\s*-?shooting`,
  // bomb
  String.raw`bomb(?:s|ed|ing)?\s+(?:the\s+|my\s+|an?\s+|that\s+|this\s+|his\s+|her\s+)?(?:exam|exams|test|tests|interview|quiz|audition|presentation|final|finals|midterm|class|pitch|gig|show)|(?:is|was|it's|that's|are|were|sounds?|looks?|tastes?|smells?)\s+(?:(?:the|a|an|absolutely|totally|so|just|da|freaking)\s+){0,2}bomb|the\s+bomb\s+(?:dot\s+com|diggity)|bath\s*bombs?|photo\s*bomb(?:ed|ing|s)?|f-?\s?bombs?|love[\s-]bomb(?:ing|ed)?|bomb\s+cyclone|bombshell|bombastic|fork\s+bombs?|zip\s+bombs?|bombay|bomb-?\s?ass|bomb\s+(?:pop|pops|jacket|jackets|diggity|shelters?|squads?|disposal|sniffing\s+dogs?|detection|detectors?|technicians?)|da\s+bomb`,
  // attack / bullet / explode / blow up / gun / stab / poison
  String.raw`(?:heart|panic|anxiety|asthma|migraine|gout|shark|dog|seizure|allergy|allergic)\s+attacks?|attack\s+(?:surface|surfaces|vectors?|trees?|paths?|the\s+(?:problem|issue|question|task|challenge|day))|attack\s+on\s+titan`,
  String.raw`bullet\s+(?:points?|lists?|journals?|trains?|proof|time)|bulleted|silver\s+bullets?|bite\s+the\s+bullet|dodged?\s+a\s+bullet`,
  String.raw`explosive\s+(?:growth|diarrh(?:o)?ea|popularity|temper|flavou?r|energy|start|chorus|performance|results?)|explod(?:ed|ing)\s+(?:views?|diagrams?|gradients?|in\s+popularity)|(?:views?|sales|popularity|demand|traffic)\s+(?:exploded|explodes)`,
  String.raw`blow(?:s|ing|n)?\s+up\s+(?:the\s+|a\s+|this\s+|my\s+|your\s+)?(?:photo|photos|picture|pictures|image|images|balloons?|phone|inbox|mattress|pool|tyres?|tires?)|blew\s+up\s+(?:online|on\s+\p{L}+|overnight)|mind-?blowing|blow\s+(?:my|your)\s+mind`,
  String.raw`(?:glue|nail|heat|spray|staple|caulk(?:ing)?|water|squirt|nerf|grease|radar|massage|paint|price|tattoo|foam|bubble|cap|toy|airsoft|bb|paintball)\s+guns?|top\s+gun|son\s+of\s+a\s+gun|jump(?:s|ed|ing)?\s+the\s+gun|smoking\s+gun|stick\s+to\s+(?:my|your|our|their|his|her)\s+guns|guns?\s+(?:n'|and)\s+roses|guns\s+blazing|big\s+guns|(?:gun|firearms?|shotgun)\s+(?:licen[cs]es?|certificates?|permits?|safety|safes?|shows?|control|laws?|rights|owners?|ownership|violence|deaths|policy|policies|ranges?|clubs?|cleaning|emoji|emojis|show)|gun\s+it|shotgun\s+(?:wedding|seat|approach|sequencing)|riding\s+shotgun|call(?:ed)?\s+shotgun`,
  String.raw`(?:take|took|taking)\s+a\s+stab\s+at|stab\s+in\s+the\s+dark|back\s*-?stab(?:bing|bed|ber|bers)?|stabbing\s+pains?`,
  String.raw`food\s+poisoning|poison\s+(?:ivy|oak|sumac|control|dart\s+frogs?|pill)|(?:blood|alcohol|lead|mercury|carbon\s+monoxide|radiation)\s+poisoning|(?:tumou?r|noise|surge|spark|flash)\s+suppressors?|(?:nuclear|atomic)\s+(?:family|option|energy|power)`,
  // figurative dying and death
  String.raw`die\s+(?:of|from)\s+(?:embarrassment|laughter|laughing|shame|boredom|cringe|envy|jealousy|curiosity|old\s+age)|die\s+laughing|dying\s+(?:to|of|for)|to\s+die\s+for|die\s+(?:cast|casting|hard)|dead\s+(?:wrong|right|serious|tired|set|on|end|line|lines|lock|weight|beat|simple)|dead\s+to\s+me|murder\s+(?:myster(?:y|ies)|podcasts?|novels?|ballads?|board|of\s+crows|hornets?)|gore-?tex|al\s+gore`,
  String.raw`how\s+to\s+get\s+away\s+with\s+murder\s+(?:is|was|season|seasons|episode|episodes|cast|show|series|worth|on\s+\p{L}+|starring|finale)|(?:watch|watching|watched|binge|binged|binging|show|series|is)\s+how\s+to\s+get\s+away\s+with\s+murder`,
  String.raw`(?:cut|burn|burned|burnt)\s+myself\s+(?:shaving|cooking|while|on|with\s+(?:a|the)\s+(?:knife|razor|paper|iron|pan|stove|oven)|badly|accidentally|by\s+accident|slicing|chopping)`,
  // suicide and self-harm in benign senses
  String.raw`suicide\s+(?:squad|prevention|hotline|helpline|lifeline|crisis\s+line|awareness|doors?|squeeze|burn|king|run|mission)|(?:don't|do\s+not|never|please\s+don't|shouldn't|should\s+not|won't)\s+(?:ever\s+)?(?:kill|hurt|harm)\s+yourself|self-?harm\s+(?:prevention|awareness|support)`,
  // hacking and crime vocabulary in benign senses
  String.raw`life\s*hacks?|hackathons?|growth\s+hack(?:ing|s)?|hacker\s*news|hackerrank|hack(?:ed|ing)?\s+together|ethical\s+hack(?:ing|ers?)|white[\s-]hat`,
  String.raw`(?:crystal\s+meth|meth(?:amphetamine)?|fentanyl|heroin|cocaine|mdma|lsd|ketamine|opioids?|drugs?)\s+(?:jokes?|memes?|puns?|references?|addiction|addicts?|recovery|rehab|abuse|use|users?|epidemic|crisis|overdoses?|testing|test\s+strips|vaccines?|policy|laws?|awareness|withdrawal|detox|treatment|prevention|dependence|poisoning)`,
  // sexual words in benign senses
  String.raw`sex\s+(?:education|ed)|sex\s+of\s+(?:the|my|your|a|their|his|her)\s+(?:baby|child|fetus|foetus|kid|puppy|kitten)|same-?\s?sex|sex\s+(?:chromosomes?|hormones?|differences|ratio|cells|determination|linked|-linked)|opposite\s+sex|(?:biological|assigned)\s+sex|sex\s+(?:and|or)\s+gender|gender\s+(?:and|or)\s+sex|sexual\s+(?:health|orientation|identity|development|education|reproduction|selection|dimorphism)`,
  String.raw`(?:dog|pet|cat|horse)\s+groom(?:ing|er|ers)?|groom(?:s|ed|ing)?\s+(?:the|my|your|his|her)\s+(?:dog|cat|horse|pet|beard|hair|lawn|slopes?)|sexy\s+(?:tagline|headline|name|title|pitch|product)`,
];

/** A request lead: with a verb of the right family after it, it couples to the term. */
export const REQUEST_LEADS: readonly string[] = [
  String.raw`how\s+(?:to|do\s+(?:i|you|we|u|people|they)|does\s+(?:one|someone|a\s+person)|can\s+(?:i|you|we|one|u|someone|a\s+person)|could\s+(?:i|you|we|one|someone)|would\s+(?:i|you|we|one|someone|a\s+person)|should\s+(?:i|we)|might\s+(?:i|one|someone)|would\s+(?:a|the)\s+character)`,
  String.raw`(?:best|easiest|quickest|fastest|simplest|cheapest|safest|most\s+effective|surest)\s+(?:way|ways|method|methods)\s+(?:to|of)|ways?\s+to|(?:help|teach)\s+me(?:\s+how)?(?:\s+to)?|(?:show|tell)\s+me\s+how\s+to|explain\s+how\s+to`,
  String.raw`instructions\s+(?:for|on|to)|steps\s+(?:to|for)|guide\s+(?:to|on|for)|tutorial\s+(?:on|for)|recipe\s+(?:for|to)|procedure\s+(?:for|to)`,
  String.raw`i\s+(?:want|need|plan|intend|wanna|would\s+like)\s+to|i'd\s+like\s+to|i\s+wanna|(?:i'?m|i\s+am)\s+(?:going\s+to|gonna|planning\s+to|trying\s+to|about\s+to|looking\s+to)|you\s+(?:can|could|should|must|need\s+to|will\s+need\s+to|'ll\s+need\s+to|just\s+need\s+to)|how\s+you\s+(?:would|could|should|can)|let's|where\s+(?:can|do|could|should)\s+i|can\s+you|could\s+you|would\s+you|please|write\s+(?:me\s+)?(?:a\s+)?(?:guide|code|script|program|tutorial|instructions)\s+(?:to|for|that)`,
  String.raw`(?:provide|give|generate|draft|compose|write|create|build|code|send)\s+(?:me\s+)?(?:a|an|the|some|working)?`,
];

/** Verb families a request lead couples through. */
export const ACTION_VERBS: Readonly<Record<ActionGroup, string>> = {
  make: String.raw`make|making|build|building|create|creating|construct|constructing|assemble|assembling|craft|crafting|produce|producing|manufacture|manufacturing|synthesi[sz]e|synthesi[sz]ing|cook|cooking|brew|brewing|extract|extracting|prepare|preparing|refine|refining|3d[\s-]print|print|printing|convert|converting|modify|modifying|rig|rigging|wire|wiring|mix|mixing`,
  acquire: String.raw`buy|buying|get|getting|acquire|acquiring|obtain|obtaining|purchase|purchasing|order|ordering|find|finding|source|sourcing|score|scoring|smuggle|smuggling|sneak|sneaking|bring|bringing|carry|carrying|download|downloading`,
  use: String.raw`use|using|detonate|detonating|set\s+off|plant|planting|deploy|deploying|throw|throwing|hide|hiding|conceal|concealing|carry\s+out|commit|committing|plan|planning|stage|staging|perpetrate|pull\s+off|launch|launching|spread|spreading|release|releasing|lace|lacing|spike|spiking|slip|run|running|do|start|starting`,
  cyber: String.raw`write|writing|code|coding|program|develop|developing|design|designing|hack|hacking|crack|cracking|infect|infecting|install|installing|deploy|deploying|spread|spreading|launch|launching|run|running|use|using|take\s+down|send|sending|set\s+up|setting\s+up`,
  finance: String.raw`launder|laundering|commit|committing|run|running|start|starting|set\s+up|setting\s+up|pull\s+off|do|doing|get\s+away\s+with|scam|scamming|defraud|defrauding|cash\s+out|hide|hiding|move|moving|clean|cleaning|wash|washing|evade|evading|avoid`,
  traffic: String.raw`traffic|trafficking|smuggle|smuggling|sell|selling|transport|transporting|move|moving|recruit|recruiting|buy|buying|lure|luring|kidnap|kidnapping|abduct|abducting|get\s+into|run|running`,
};

/** Generic request cues: asking for instructions, quantities or where to get things. */
export const REQUEST_CUES: readonly string[] = [
  String.raw`step[\s-]by[\s-]step|(?:detailed|exact|precise|specific|complete|full)\s+(?:instructions|steps|directions|method|recipe|procedure|guide|quantities|measurements|amounts|formula)`,
  String.raw`instructions\s+(?:for|on|to)|recipe\s+(?:for|to)|tutorial|walk\s+me\s+through|give\s+me\s+(?:the\s+)?(?:steps|instructions|recipe|method|formula|ingredients|materials)`,
  String.raw`what\s+(?:\p{L}+\s+)?(?:chemicals|ingredients|materials|parts|supplies|items|tools)\s+(?:can\s+i|do\s+i|would\s+i|are|i|you)|list\s+of\s+(?:chemicals|ingredients|materials|parts)|where\s+(?:can|do|could|should)\s+i\s+(?:buy|get|find|order|obtain|source)`,
  String.raw`how\s+(?:much|many)\s+(?:do|would|should)\s+i\s+need|in\s+(?:great\s+)?detail|explain\s+(?:exactly\s+)?how`,
];

/** Asking for the making of something: with a term right after it, a request for that term. */
export const DIRECT_REQUESTS = String.raw`(?:recipes?|instructions|directions|steps|procedures?|formula|formulas|blueprints?|schematics?|tutorials?|guides?|manual|how-to|walkthrough)\s+(?:for|on|to)`;

/** Evading detection or the law: a strong cue of real intent. */
export const EVASION_CUES: readonly string[] = [
  String.raw`without\s+(?:getting\s+|being\s+)?(?:caught|detected|noticed|traced|tracked|seen|arrested)|without\s+(?:anyone|anybody|them|him|her|the\s+police|the\s+cops|police|cops|authorities|the\s+irs|the\s+bank|the\s+government|the\s+tax\s+office|hmrc|my\s+(?:parents|wife|husband|family|boss))\s+(?:knowing|finding\s+out|noticing|suspecting)`,
  String.raw`(?:i'm|i\s+am|as)\s+a\s+(?:convicted\s+)?felon|prohibited\s+person|(?:under|with)\s+a\s+restraining\s+order|(?:i'm|i\s+am)\s+(?:under\s+(?:18|age|21)|1[0-7](?:\s+years\s+old)?)\s+(?:and|but)`,
  String.raw`without\s+leaving\s+(?:a\s+|any\s+)?(?:trace|traces|evidence|fingerprints|dna|marks)|leave\s+no\s+(?:trace|evidence|marks)|undetect(?:able|ed)|untrace(?:able|d)|get\s+away\s+with\s+(?:it|murder|killing)|(?:in|on|during|by)\s+an?\s+(?:autopsy|tox(?:icology)?\s+(?:screen|report))|(?:won't|wouldn't|doesn't|don't)\s+show\s+up\s+(?:in|on)\s+(?:an?\s+)?(?:autopsy|tox(?:icology)?\s+(?:screen|report))|(?:avoid|evade|dodge)\s+(?:the\s+)?(?:reports?|reporting|ctrs?|currency\s+transaction\s+reports?)|structur(?:e|ing)\s+(?:the\s+)?(?:deposits|transactions|payments)|under\s+\$?10,?000\s+(?:at\s+a\s+time|each|per)|not\s+(?:be\s+|get\s+)?(?:traced|detected|caught)`,
  String.raw`avoid\s+(?:detection|getting\s+caught|being\s+caught|the\s+police|the\s+cops|law\s+enforcement|suspicion|a\s+background\s+check)|cover\s+(?:up\s+)?(?:my|the|your|our)\s+tracks|(?:no|without\s+an?|skip\s+the)\s+background\s+checks?`,
  String.raw`off\s+the\s+books|(?:on\s+the\s+)?dark\s*web|darknet|burner\s+(?:phone|account)|(?:so|that)\s+(?:no\s+one|nobody)\s+(?:knows|finds\s+out|will\s+know|can\s+tell)|look\s+like\s+(?:an?\s+)?(?:accident|suicide|natural\s+causes)|evade\s+(?:the\s+)?(?:police|law\s+enforcement|detection|authorities|irs)`,
];

/** A quantity with a unit: part of an imperative recipe. */
export const QUANTITY = String.raw`\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|kg|grams?|kilograms?|milligrams?|ml|l|liters?|litres?|oz|ounces?|lbs?|pounds?|cups?|tbsp|tsp|tablespoons?|teaspoons?|gallons?|quarts?|moles?|mol|mmol|%|percent|parts?|drops?|pills?|tablets?|capsules?|°\s*[cf]|degrees|inch(?:es)?|cm|mm)`;

/** Imperative verbs of a recipe. */
export const RECIPE_VERBS = String.raw`isomeri[sz]e|oxidi[sz]e|methylate|aminate|recrystalli[sz]e|precipitate|neutrali[sz]e|basify|acidify|mix|combine|add|heat|boil|pour|stir|grind|crush|dissolve|filter|dry|pack|fill|attach|connect|wire|drill|seal|ignite|light|extract|evaporate|distil|distill|reduce|react|cool|shake|wash|measure|weigh|place|insert|tape|solder|cap|tamp|crystalli[sz]e|titrate|reflux`;

/** A numbered step at the start of a line. */
export const STEP_MARKER = String.raw`^[ \t]*(?:step\s*\d+[:.)]?|\d{1,2}[.)])[ \t]+|(?<![\p{L}\p{N}])step\s*\d+\s*[:.)-]`;

/** Ingredients of explosives and drug synthesis: describing them with a term is a description. */
export const PRECURSORS: readonly string[] = [
  String.raw`ammonium\s+nitrate|potassium\s+(?:nitrate|chlorate|perchlorate)|black\s+powder|gunpowder|smokeless\s+powder|fuel\s+oil|alumin(?:i)?um\s+powder|iron\s+oxide|magnesium\s+powder|hydrogen\s+peroxide|sulfuric\s+acid|sulphuric\s+acid|nitric\s+acid|glycerin(?:e)?|hexamine|urea\s+nitrate|shrapnel|ball\s+bearings|end\s+caps?|fuses?`,
  String.raw`pseudoephedrine|ephedrine|red\s+phosphorus|iodine\s+crystals|lithium\s+(?:strips|batteries)|anhydrous\s+ammonia|lye|sodium\s+hydroxide|hydrochloric\s+acid|muriatic\s+acid|methylamine|phenylacetone|p2p|safrole|sassafras\s+oil|ergotamine|4-?anpp|npp|acetic\s+anhydride|coleman\s+fuel|camp\s+fuel`,
];

/** Safety warnings that decline a request without the usual refusal wording. */
export const SAFETY_REFUSALS: readonly string[] = [
  String.raw`please\s+(?:don't|do\s+not)\s+(?:try|attempt)\s+(?:to\s+)?(?:make|build|do|mix|use|produce)|(?:don't|do\s+not)\s+(?:try|attempt)\s+(?:this|that|it)\s+at\s+home|i\s+(?:strongly\s+)?(?:advise|urge)\s+(?:you\s+)?(?:strongly\s+)?against\s+(?:making|building|trying|doing|mixing)`,
];

/** Output phrasing of a model going along with a request. */
export const COMPLIANCE_CUES: readonly string[] = [
  String.raw`here(?:'s|\s+is)\s+(?:how|a\s+(?:step|guide|recipe|method|tutorial|simple|basic|detailed|quick))|here\s+are\s+(?:the\s+)?(?:steps|instructions|some\s+(?:ways|methods|steps|options))`,
  String.raw`(?:sure|certainly|of\s+course|absolutely|okay|ok|great\s+question)[,!.:]|you(?:'ll|\s+will)\s+need|what\s+you(?:'ll|\s+will)\s+need|ingredients\s*:|materials\s*:|step\s+(?:1|one)|first,?\s+(?:you|get|take|obtain|mix|gather|find|buy)`,
  // Evasion advice: a response telling the reader how not to get caught goes along with the request.
  String.raw`(?:so|and)\s+(?:that\s+)?(?:nobody|no\s+one|no-one)\s+(?:will\s+|can\s+)?(?:sees?|notices?|finds?\s+out|knows?|suspects?|traces?)|(?:so|and)\s+(?:they|she|he)\s+(?:don't|doesn't|won't|can't)\s+(?:notice|see\s+it\s+coming|find\s+out|suspect|trace|remove\s+it)|(?:can't|cannot|won't)\s+be\s+(?:traced|tracked|found|detected)(?:\s+back)?|nothing\s+(?:leads|points|traces)\s+back\s+to\s+you|(?:have|with|make\s+sure\s+you\s+have)\s+an\s+alibi|investigators\s+(?:test|look|check)\s+for|somewhere\s+you\s+won't\s+be\s+found|without\s+(?:them|her|him|anyone|anybody)\s+(?:ever\s+)?(?:knowing|noticing|finding\s+out)|before\s+(?:she|he|they)\s+notices?`,
];

/** Kinds of benign framing around a hit. */
export type Framing =
  | 'refusal'
  | 'crisis'
  | 'medical'
  | 'protective'
  | 'defensive'
  | 'game'
  | 'fiction'
  | 'historical'
  | 'news'
  | 'educational'
  | 'humor';

export const FRAMING_CUES: Readonly<Record<Exclude<Framing, 'refusal'>, readonly string[]>> = {
  crisis: [
    String.raw`988|crisis\s+(?:line|lifeline|hotline|text\s+line|team|centre|center|services?|support)|(?:suicide|crisis)\s+(?:prevention|hotline|helpline|lifeline)|samaritans|lifeline|helplines?|hotlines?|befrienders|text\s+(?:home|hello|talk)\s+to`,
    String.raw`reach\s+out|talk\s+to\s+(?:someone|somebody|a\s+(?:friend|professional|counsell?or|therapist|doctor|trusted))|you(?:'re|\s+are)\s+not\s+alone|mental\s+health\s+(?:professional|support|services?|crisis)|therapist|counsell?or|counsell?ing|emergency\s+services`,
    String.raw`call\s+(?:911|999|112|000|emergency)|(?:support|help)\s+is\s+available|you\s+deserve\s+(?:support|help)|i'm\s+(?:so\s+|really\s+|very\s+)?sorry\s+(?:you're|you\s+are|that\s+you|to\s+hear)|please\s+(?:reach\s+out|talk|call|contact|stay\s+safe)|stay\s+safe|safety\s+plan`,
    String.raw`if\s+you(?:'re|\s+are)\s+(?:thinking|having\s+thoughts)|thoughts\s+of\s+(?:suicide|self-?harm|ending)|warning\s+signs|how\s+(?:can|do|should)\s+i\s+(?:help|support)|(?:help|support)(?:ing)?\s+(?:a|my)\s+(?:friend|loved\s+one|partner|child|teen|son|daughter|student)\s+who`,
  ],
  medical: [
    String.raw`symptoms?|signs\s+of|side\s+effects?|doctor|physician|gp|nurse|pharmacist|poison\s+control|emergency\s+room|a&e|hospital|treatment|treat(?:ed|ing)?|antidote|naloxone|narcan|first\s+aid`,
    String.raw`accidental(?:ly)?|by\s+accident|safe\s+(?:dose|dosage|amount|limit)|max(?:imum)?\s+(?:daily\s+)?(?:dose|dosage)|dosage|prescribed|prescription|medical(?:ly)?|clinical(?:ly)?|diagnos(?:is|ed|e)|patients?|pediatrician|paediatrician|liver\s+damage|toxicity|toxicology`,
    String.raw`(?:i|we)\s+(?:drink|take|eat|consume|have)\s+(?:a\s+lot\s+of|lots\s+of|too\s+much|so\s+much|(?:about\s+|around\s+|like\s+|maybe\s+)?\d+\s+(?:cups|mugs|cans|glasses|shots|tablets|pills)\s+of)\s+\p{L}+|considered\s+safe|safe\s+for\s+(?:most\s+)?(?:adults|people|children|kids)|daily\s+(?:limit|intake|allowance)|health\s+authorities|recommended\s+(?:limit|intake|amount)`,
    String.raw`when\s+to\s+see|should\s+i\s+see|is\s+it\s+(?:safe|normal|dangerous)|what\s+happens\s+if|what\s+should\s+i\s+do\s+if|(?:my|a)\s+(?:child|kid|son|daughter|toddler|baby|dog|cat)\s+(?:ate|swallowed|drank|took|got\s+into)`,
  ],
  protective: [
    String.raw`protect(?:ing|ion)?|prevent(?:ing|ion)?|safeguard(?:ing)?|keep\s+(?:my|your|our|the)\s+(?:kids?|children|child|son|daughter|students?)\s+safe|signs\s+of|warning\s+signs|red\s+flags|report(?:ing|ed)?|survivors?|victims?`,
    String.raw`what\s+(?:should|can|do)\s+(?:i|we)\s+do|should\s+i\s+be\s+(?:worried|concerned)|how\s+(?:should|do)\s+(?:i|we)\s+(?:handle|respond)|(?:get|help)\s+(?:my|our|your)\s+\p{L}+\s+(?:\p{L}+\s+)?to\s+stop|stop(?:ping)?|talk\s+to\s+(?:my|your|our)\s+(?:kids?|children|child|son|daughter|teens?)|explain(?:ing)?\s+(?:sex|puberty|periods|reproduction|where\s+babies\s+come\s+from)|the\s+(?:sex\s+)?talk|birds\s+and\s+(?:the\s+)?bees|body\s+safety|age-?appropriate|puberty|normal\s+(?:development|behaviou?r)|is\s+(?:it|this)\s+normal|pediatrician|paediatrician|doctor|therapist|counsell?or|abuse\s+(?:prevention|awareness|hotline)`,
    String.raw`ncmec|iwf|childline|law\s+enforcement|police|authorities|arrested|convicted|sentenced|charged|moderat(?:e|ion|ors?)|detect(?:ion|ing)?|filter(?:s|ing)?|block(?:ing)?|parental\s+controls?|monitor(?:ing)?|hash(?:es|ing)?\s+match(?:ing)?|photodna`,
  ],
  defensive: [
    String.raw`spot(?:ting)?|(?:teach|train|educate|coach)(?:ing)?\s+(?:my|our|the|your)\s+(?:staff|employees|team|users|colleagues|coworkers|co-workers|students|parents|kids|children)|awareness|simulated\s+(?:phishing|attacks?)`,
    String.raw`protect(?:ing|ion)?|defen[cs]es?|defend(?:ing)?|safeguard|prevent(?:ing|ion)?|detect(?:ing|ion)?|spotting|recogni[sz]e|mitigat(?:e|ing|ion)|harden(?:ing)?|patch(?:ing)?|warning\s+signs|red\s+flags|awareness\s+training`,
    String.raw`(?:my|our)\s+own\s+(?:account|accounts|server|servers|network|system|systems|router|website|site|phone|computer|device|devices|app|wifi)|authori[sz]ed|with\s+permission|penetration\s+test(?:ing|ers?)?|pen-?test(?:ing|ers?)?|bug\s+bount(?:y|ies)|ctf|capture\s+the\s+flag|red\s+team(?:ing)?|blue\s+team|incident\s+response|forensics|security\s+research(?:er|ers)?`,
    String.raw`victims?\s+of|am\s+i\s+(?:a\s+victim|being)|i\s+(?:was|got|have\s+been)\s+(?:scammed|hacked|phished|defrauded)|recover\s+my|locked\s+out\s+of\s+my|forgot\s+my\s+password|law\s+enforcement|compliance|anti-money\s+laundering|aml|kyc|report\s+(?:it|this|them|a|to)`,
  ],
  game: [
    String.raw`in\s+(?:the\s+)?game|in-game|video\s*games?|minecraft|fortnite|call\s+of\s+duty|counter-?strike|valorant|gta|grand\s+theft\s+auto|skyrim|elden\s+ring|roblox|pubg|apex\s+legends|overwatch|league\s+of\s+legends|dota|zelda|pokemon|terraria|among\s+us|the\s+sims|npcs?|respawn|boss\s+fight|speedrun|loadout|d&d|dungeons\s+(?:and|&)\s+dragons|tabletop|board\s+game`,
  ],
  fiction: [
    String.raw`novels?|(?:short\s+)?stor(?:y|ies)|fiction(?:al)?|characters?|protagonist|villain|antagonist|chapter|screenplay|scenes?|movies?|films?|tv\s+(?:show|series)|sitcom|episodes?|books?|author|poems?|lyrics|songs?|fan\s*fic(?:tion)?|role-?play|thriller|mystery|detective|whodunit|agatha\s+christie|sherlock|breaking\s+bad|john\s+wick|netflix|anime|manga|comics?|playwright|shakespeare|macbeth|hamlet|horror|the\s+narrator|fairy\s+tale`,
  ],
  historical: [
    String.raw`(?:where\s+does|where\s+did|origin\s+of)\s+the\s+(?:name|term|word|phrase|expression)|etymology|(?:was|is|were|are)\s+named\s+after|got\s+(?:its|their)\s+name`,
    String.raw`(?:in|during|of|since|by|from|until)\s+(?:1[0-9]{3}|20[0-2][0-9])|(?:1[0-9]{3}|20[0-2][0-9])\s+(?:bombing|bombings|attacks?|massacre|shooting|war|invasion|genocide)|histor(?:y|ical|ically|ian|ians)|world\s+war(?:\s+(?:i|ii|one|two|1|2))?|ww(?:i|ii|1|2)|civil\s+war|cold\s+war|vietnam\s+war|centur(?:y|ies)|ancient|medieval`,
    String.raw`manhattan\s+project|hiroshima|nagasaki|holocaust|oklahoma\s+city|9/11|pearl\s+harbou?r|nazis?|third\s+reich|rwanda|srebrenica|colonial|empire|dynasty|battle\s+of|siege\s+of|how\s+did|why\s+did|what\s+caused|what\s+happened|was\s+used\s+in|were\s+used\s+in`,
  ],
  news: [
    String.raw`according\s+to|police\s+(?:said|say|found|arrested|reported)|authorities\s+(?:said|say)|officials\s+(?:said|say)|(?:was|were|been|is|are)\s+(?:arrested|charged|convicted|sentenced|indicted|killed|injured|wounded|jailed)|suspects?|reported(?:ly)?|news|headlines?|journalists?|investigat(?:ion|ors)|prosecutors?|trial|verdict|tragedy|condolences|press\s+release`,
  ],
  educational: [
    String.raw`(?:for|in)\s+(?:a|my|our)\s+(?:\p{L}+\s+)?(?:class|course|school|essay|paper|report|thesis|assignment|research|project|presentation|lecture|textbook|exam)|research\s+(?:paper|project)|statistics|prevalence|(?:suicide|crime|murder|homicide|overdose|gun\s+violence)\s+rates?|rates?\s+of|awareness|criminology|psychology\s+of|causes\s+of|sociology|documentary|museum|textbook|encyclopedia|wikipedia|debate|legislation|policy|policies|laws?\s+(?:on|about|against)|legal\s+(?:status|consequences|penalties)|penalt(?:y|ies)\s+for`,
  ],
  humor: [
    String.raw`lol|lmao|lmfao|rofl|ha(?:ha)+|he(?:he)+|jk|j/k|just\s+kidding|kidding|joking|😂|🤣|😅|😆|😜|😉|:\)|:d|xd`,
  ],
};

/** How much each framing lowers a hit of each category (0 = no effect). */
export const FRAMING_STRENGTH: Readonly<Record<Framing, Readonly<Record<SafetyCategory, number>>>> =
  {
    refusal: { violence: 2, weapons: 2, self_harm: 2, sexual_minors: 2, serious_crime: 2 },
    crisis: { violence: 0, weapons: 0, self_harm: 2, sexual_minors: 0, serious_crime: 0 },
    medical: { violence: 1, weapons: 1, self_harm: 2, sexual_minors: 2, serious_crime: 1 },
    protective: { violence: 1, weapons: 1, self_harm: 1, sexual_minors: 3, serious_crime: 1 },
    defensive: { violence: 1, weapons: 1, self_harm: 0, sexual_minors: 0, serious_crime: 2 },
    game: { violence: 2, weapons: 2, self_harm: 1, sexual_minors: 0, serious_crime: 1 },
    fiction: { violence: 1, weapons: 1, self_harm: 1, sexual_minors: 0, serious_crime: 1 },
    historical: { violence: 1, weapons: 1, self_harm: 1, sexual_minors: 0, serious_crime: 1 },
    news: { violence: 1, weapons: 1, self_harm: 1, sexual_minors: 2, serious_crime: 1 },
    educational: { violence: 1, weapons: 1, self_harm: 1, sexual_minors: 1, serious_crime: 1 },
    humor: { violence: 2, weapons: 1, self_harm: 1, sexual_minors: 0, serious_crime: 1 },
  };

/** A minor: a child, a stated age under 18, a school grade. */
export const MINOR_TERMS: readonly string[] = [
  String.raw`child(?!\s+(?:process|processes|node|nodes|element|elements|component|components|theme|class|table|window|thread|task|directory|object|key|row|widget|care|support|labou?r|seat|lock|safety|proof))|children|kids?|minors|(?:a|with|the|involving|of)\s+minor(?!\s+(?:issue|issues|change|changes|key|chord|league|edit|edits|bug|bugs|injury|injuries|detail|details|role|update|version|surgery|offen[cs]e))`,
  String.raw`underage|under-age|under\s+(?:the\s+age\s+of\s+)?(?:1[0-7]|[1-9])|preteens?|pre-teens?|prepubescent|pubescent|toddlers?|infants?|little\s+(?:girls?|boys?)|young\s+(?:girls?|boys?)|schoolgirls?|schoolboys?|teen|teens|teenagers?|teenage|tween|tweens|loli|shota`,
  String.raw`(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[\s-]?(?:years?|yrs?|yo)(?:[\s-]?old)?(?:\s+(?:girl|boy|child|kid|daughter|son|student))?|(?:aged?|age\s+of)\s+(?:[1-9]|1[0-7])(?![\d.])`,
  String.raw`(?:middle|elementary|primary|junior\s+high)\s+school(?:er|ers)?|(?:1st|2nd|3rd|[4-8]th|first|second|third|fourth|fifth|sixth|seventh|eighth)\s+grad(?:e|er|ers)|my\s+(?:daughter|son|niece|nephew|stepdaughter|stepson)`,
];

/** A first-person plan ("I'm going to …"): with violence later in the sentence, intent. */
export const FIRST_PERSON_PLAN = String.raw`i'll|i\s+will|i'?m\s+(?:going\s+to|gonna|about\s+to|planning\s+to)|i\s+am\s+(?:going\s+to|gonna|about\s+to|planning\s+to)|i\s+(?:want|plan|intend)\s+to|i\s+wanna|imma`;

/** Words between a plan and violence that make it about knowing or telling, not doing. */
export const PLAN_BREAKERS = String.raw`\b(?:why|how|what|whether|know|understand|learn|read|reading|watch|watching|see|hear|ask|wonder|write|film|story|poem|essay|article|summary|report|if|never|not|don't|he|she|they|where|who|which|playing)\b`;

/** Sexual content: with a minor close by, always severe. */
export const SEXUAL_EXPLICIT: readonly string[] = [
  String.raw`porn(?:o|ography|ographic)?|nudes|nsfw|erotic(?:a)?|sexy|sext(?:s|ing)?|lewd|hentai|seduc(?:e|es|ed|ing|tion)|aroused|arousal|orgasms?|masturbat(?:e|es|ed|ing|ion)|intercourse|blow\s*jobs?|oral\s+sex`,
  String.raw`touch(?:ed|es|ing)?\s+(?:him|her|them|the\s+(?:child|girl|boy|kid))\s+(?:sexually|inappropriately)|(?:have|having|had|has)\s+sex|sex\s+(?:with|scene|scenes|story|stories|acts?|tape|video|videos)|sexual(?:ly)?\s+(?:acts?|intercourse|fantas(?:y|ies)|role-?play|story|stories|content|images?|photos?|pictures?|videos?|relationship|encounter|explicit|active|touching|contact)|sexually\s+explicit|explicit\s+(?:sex|photos?|images?|content|story|stories|scene|scenes)`,
  String.raw`make\s+love|making\s+love|fondl(?:e|es|ed|ing)|(?:nude|naked|topless)\s+(?:photos?|pics?|pictures?|images?|videos?|selfies?|body|bodies)|strip(?:ped|ping)?\s+(?:naked|for\s+me)|turn(?:s|ed)?\s+(?:me|him|her)\s+on`,
];

/** Sexual abuse: with a minor close by, a concern; requested ("how to groom a child"), severe. */
export const SEXUAL_ABUSE: readonly string[] = [
  String.raw`molest(?:s|ed|ing|ation|er|ers)?|rap(?:e|es|ed|ing)|groom(?:s|ed|ing)?|abuse\s+sexually|sexually\s+abus(?:e|ed|ing)|sexual\s+abuse|pa?edophil(?:e|es|ia|ic)|predators?`,
];

/** Sexual topics: with a minor close by, a concern; asked to be written or shown, severe. */
export const SEXUAL_TOPICS: readonly string[] = [
  String.raw`sex|sexual(?:ly|ity)?|genitals|private\s+parts|breasts?|penis|vagina|naked|nude|undress(?:ed|ing)?`,
];

/** Asking for content to be made or shown. */
export const CREATION_VERBS = String.raw`write|writing|describe|describing|generate|generating|draw|drawing|depict|depicting|imagine|roleplay|role-play|narrate|send|sending|show|showing|share|sharing|post|posting|film|filming|photograph|photographing|take\s+(?:pictures|photos|pics)|story|stories|fanfic|scene`;

/** Words between a sexual term and a minor that mean they are not about each other. */
export const PAIR_BREAKERS = String.raw`[.?!;\n]|\b(?:when|while|whilst|after|before|once|until|because|since|but|although|though|so\s+that|whereas)\b`;
