/**
 * `quick_safety` harm rules: what to look for, per category, and how a hit is graded. Patterns are
 * regex sources without capture groups, matched case-insensitively as whole words over
 * de-obfuscated text (apostrophes straight). Rules are tried in order at each position, so the
 * more specific ones come first.
 */

export type SafetyCategory =
  'violence' | 'weapons' | 'self_harm' | 'sexual_minors' | 'serious_crime';

/** Verb families a request can couple to a term with ("how do I *make* … bomb"). */
export type ActionGroup = 'make' | 'acquire' | 'use' | 'cyber' | 'finance' | 'traffic';

export interface HarmRule {
  /** Dotted violation category, e.g. `weapons.explosives`. */
  readonly id: string;
  readonly category: SafetyCategory;
  /** What a hit is, for the justification. */
  readonly label: string;
  readonly patterns: readonly string[];
  /**
   * `statement`: the words themselves are the harm (a threat, a plan, encouragement) and carry
   * `mention` as their severity, lowered only by framing. `topic`: graded by the cues around it.
   */
  readonly kind: 'statement' | 'topic';
  /** Severity of a bare hit, before cues and framing. */
  readonly mention: number;
  /** Highest severity from generic cues alone (strong cues and couplings may exceed it). @default 3 */
  readonly ceiling?: number;
  /** Severity when a request couples to the term through a verb of the group. */
  readonly couples?: Readonly<Partial<Record<ActionGroup, number>>>;
  /** The pattern starts with its own verb: a request lead directly before it couples, at this severity. */
  readonly verbal?: number;
  /**
   * The term is ordinary alone (a chemical): it counts only with another precursor near it, and
   * then a recipe makes it severe.
   */
  readonly companion?: boolean;
  /** Several hits of this rule close together describe rather than mention (graphic violence). */
  readonly clusters?: boolean;
  /** Severity kept under benign framing. @default 0 */
  readonly framedCap?: number;
}

/** A person as the object of a violent verb. */
const PERSON = String.raw`(?:you|u|ya|him|her|them|someone|somebody|anyone|everyone|everybody|people|(?:a|an|another|the)\s+(?:\d+\s*(?:kg|lb|lbs|pound|kilo)s?\s+)?(?:person|human|man|woman|child|kid|baby|girl|boy|guy|cop|police\s+officer|teacher|student|stranger|neighbou?r|classmate|coworker|co-worker|prisoner|hostage|victim|captive|detainee|elderly\s+person|old\s+man|old\s+woman)|my\s+(?:wife|husband|ex|ex-wife|ex-husband|girlfriend|boyfriend|partner|boss|mom|mum|mother|dad|father|parents|brother|sister|son|daughter|family|neighbou?r|neighbou?rs|roommate|coworker|co-worker|teacher|classmates?|friend|landlord|stepdad|stepmom|stepfather|stepmother|uncle|aunt|cousin|grandma|grandpa)|the\s+(?:president|teacher|judge|police|cops|neighbou?rs?|students|witness|senator|governor|mayor|boss|prime\s+minister)|all\s+of\s+(?:you|them)|those\s+people|these\s+people|that\s+(?:guy|man|woman|girl|boy|kid|bitch|bastard|asshole))`;

/** Verbs of serious violence. */
const VIOLENT_VERB = String.raw`(?:kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|stab(?:s|bed|bing)?|shoot(?:s|ing)?|shot|strangl(?:e|es|ed|ing)|poison(?:s|ed|ing)?|tortur(?:e|es|ed|ing)|kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?|rap(?:e|es|ed|ing)|behead(?:s|ed|ing)?|slaughter(?:s|ed|ing)?|butcher(?:s|ed|ing)?|lynch(?:es|ed|ing)?|run\s+over|assassinat(?:e|es|ed|ing)|maim(?:s|ed|ing)?|mutilat(?:e|es|ed|ing)|smother(?:s|ed|ing)?|set\s+fire\s+to|beat\s+(?:up|to\s+death)|beat\s+the\s+(?:shit|crap|hell)\s+out\s+of)`;
/** Verbs of lesser or figurative violence ("hurt", "attack"). */
const MILD_VIOLENT_VERB = String.raw`(?:hurt(?:s|ing)?|harm(?:s|ed|ing)?|attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|chok(?:e|es|ed|ing)|punch(?:es|ed|ing)?)`;
const PERSON_OBJECT = String.raw`${PERSON}(?!')`;

const FIRST_PERSON_WILL = String.raw`(?:i'll|i\s+will|i\s+shall|i'?m\s+(?:going\s+to|gonna|about\s+to|ready\s+to|planning\s+to)|i\s+am\s+(?:going\s+to|gonna|about\s+to|ready\s+to|planning\s+to)|i\s+(?:want|need|plan|intend|have\s+decided|decided|mean)\s+to|i\s+wanna|i\s+gonna|imma|i\s+swear\s+i'll|i'd\s+(?:like|love)\s+to)`;

const SELF_END = String.raw`(?:kill(?:ing)?\s+myself|end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|things|it\s+(?:tonight|today|now|forever|for\s+good))|tak(?:e|ing)\s+my\s+(?:own\s+)?life|commit(?:ting)?\s+suicide|hurt(?:ing)?\s+myself|harm(?:ing)?\s+myself|cut(?:ting)?\s+myself|hang(?:ing)?\s+myself|overdos(?:e|ing)|jump(?:ing)?\s+off\s+(?:a|the)\s+(?:bridge|building|roof|cliff)|die|not\s+wak(?:e|ing)\s+up)`;

const MINOR_GROUPS = String.raw`(?:women|girls|children|kids|people|humans|minors|migrants|refugees|workers|immigrants|young\s+women|teens|teenagers|boys)`;

const DRUG = String.raw`(?:crystal\s+meth|meth(?:amphetamine)?|fentanyl|carfentanil|heroin|cocaine|crack\s+cocaine|mdma|lsd|ghb|pcp|dmt|mescaline|ketamine|mephedrone|methcathinone|krokodil|desomorphine)`;

const ACCOUNT = String.raw`(?:\p{L}+\s+)?(?:accounts?|e-?mail|inbox|phone|computer|laptop|network|wifi|wi-fi|router|messages|texts|instagram|facebook|snapchat|tiktok|icloud|gmail|whatsapp|webcam|camera|cameras|bank\s+account)`;
const SOMEONES = String.raw`(?:the\s+victim's|the\s+target's|someone's|somebody's|someone\s+else's|another\s+person's|a\s+person's|people's|his|her|their|my\s+(?:ex|ex-\p{L}+|wife|husband|girlfriend|boyfriend|partner|boss|neighbou?r|coworker|co-worker|roommate|sister|brother|mom|dad|teacher)'s|my\s+(?:ex|ex-\p{L}+|wife|husband|girlfriend|boyfriend|partner|boss|neighbou?r|coworker|roommate)s?)`;

export const HARM_RULES: readonly HarmRule[] = [
  // ── self-harm ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'self_harm.intent',
    category: 'self_harm',
    label: 'first-person intent to self-harm or die',
    kind: 'statement',
    mention: 3,
    patterns: [
      String.raw`${FIRST_PERSON_WILL}\s+${SELF_END}`,
      String.raw`i(?:'m|\s+am)\s+(?:thinking\s+(?:about|of)|considering|contemplating)\s+(?:${SELF_END}|suicide)`,
      String.raw`i\s+(?:keep\s+)?(?:think|thinking)\s+(?:about|of)\s+(?:${SELF_END}|suicide)`,
      String.raw`i\s+(?:just\s+)?(?:want|wanna|wish\s+i\s+could)\s+(?:to\s+)?die`,
      String.raw`i\s+(?:don't|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|exist|wake\s+up)`,
      String.raw`i(?:'ve|\s+have)\s+been\s+(?:cutting|hurting|harming|burning|starving)\s+myself`,
      String.raw`i(?:'m|\s+am|'d\s+be|\s+would\s+be)\s+better\s+off\s+dead`,
      String.raw`(?:everyone|everybody|they|my\s+family)\s+would\s+be\s+better\s+off\s+without\s+me`,
      String.raw`(?:wanna|want\s+to|going\s+to|gonna|ready\s+to)\s+(?:end\s+it\s+all|kill\s+myself|end\s+my\s+(?:own\s+)?life|take\s+my\s+(?:own\s+)?life)`,
      String.raw`(?:wrote|writing|write|written)\s+(?:my|a)\s+suicide\s+note`,
    ],
  },
  {
    id: 'self_harm.encouragement',
    category: 'self_harm',
    label: 'encouragement to self-harm',
    kind: 'statement',
    mention: 2.5,
    patterns: [
      String.raw`(?:you\s+should|u\s+should|you\s+ought\s+to|why\s+don't\s+you|why\s+not|just\s+go|go\s+and|go)\s+(?:just\s+)?(?:kill\s+(?:yourself|urself|yourselves)|die|end\s+your\s+(?:own\s+)?life|hang\s+yourself|slit\s+your\s+wrists|off\s+yourself|starve\s+yourself|jump\s+off\s+(?:a|the)\s+(?:bridge|building|roof|cliff))`,
      String.raw`kill\s+(?:yourself|urself|yourselves)`,
      String.raw`kys`,
      String.raw`(?:nobody|no\s+one)\s+would\s+(?:miss|care\s+about)\s+you`,
      String.raw`the\s+world\s+(?:would\s+be|is)\s+better\s+(?:off\s+)?without\s+you`,
      String.raw`you\s+(?:deserve|ought|need)\s+to\s+die`,
      String.raw`pro-?ana|pro-?mia|thinspo|thinspiration`,
    ],
  },
  {
    id: 'self_harm.methods',
    category: 'self_harm',
    label: 'self-harm or suicide method',
    kind: 'topic',
    mention: 2,
    verbal: 3,
    patterns: [
      String.raw`(?:lethal|fatal|deadly)\s+(?:dose|doses|amount|quantity|dosage)`,
      String.raw`how\s+(?:many|much)\s+(?:mg|milligrams|grams|g|pills|tablets|capsules|sleeping\s+pills)\s+(?:of\s+\p{L}+\s+)?(?:to|would|will|does\s+it\s+take\s+to|would\s+it\s+take\s+to|it\s+takes\s+to|is\s+needed\s+to)\s+(?:die|kill|be\s+(?:fatal|lethal)|overdose|od)`,
      String.raw`(?:painless|painlessly|quick|quickest|easiest|best|surest|most\s+effective|most\s+painless|least\s+painful|fastest|simplest|reliable)\s+(?:way|ways|method|methods)\s+(?:to|of)\s+(?:die|dying|kill(?:ing)?\s+(?:myself|yourself|oneself)|commit(?:ting)?\s+suicide|suicide|end(?:ing)?\s+(?:it\s+all|my\s+life|your\s+life|one's\s+life))`,
      String.raw`suicide\s+(?:methods?|techniques?|instructions|guide)|methods?\s+of\s+suicide`,
      String.raw`(?:slit|slitting|cut|cutting)\s+(?:my|your|his|her|their)\s+wrists`,
      String.raw`hang(?:ing)?\s+(?:myself|yourself|oneself)|(?:tie|tying)\s+a\s+noose`,
      String.raw`overdos(?:e|ing)\s+on|od\s+on`,
      String.raw`carbon\s+monoxide\s+(?:in|from)\s+(?:a|the|my|your)\s+(?:car|garage)|(?:helium|exit|suicide)\s+bag`,
      String.raw`starv(?:e|ing)\s+(?:myself|yourself)`,
      String.raw`(?:painless|painlessly|most\s+painless|least\s+painful)\s+(?:way|ways|method|methods)\s+(?:to|of)\s+(?:end(?:ing)?\s+it(?!\s+(?:with|for|between|off))|go(?:ing)?\s+to\s+sleep\s+(?:and\s+not\s+wake|forever))`,
      String.raw`(?:take|taking|swallow|swallowing)\s+all\s+(?:of\s+)?(?:your|my|the|his|her)\s+(?:sleeping\s+pills|pills|tablets|meds|medication|painkillers)\s+at\s+once`,
    ],
  },
  {
    id: 'self_harm.ideation',
    category: 'self_harm',
    label: 'suicide or self-harm mentioned',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    patterns: [
      String.raw`suicid(?:e|al)|self[\s-]?harm(?:ing)?|self[\s-]?injur(?:y|ies|ing)`,
      String.raw`kill(?:ing|ed)?\s+(?:myself|himself|herself|themselves|themself|oneself)`,
      String.raw`end(?:ing|ed)?\s+(?:my|his|her|their|one's)\s+(?:own\s+)?life|took\s+(?:his|her|their)\s+own\s+life`,
      String.raw`tak(?:e|ing)\s+(?:my|your|his|her|their)\s+own\s+life|better\s+off\s+dead`,
      String.raw`(?:cut|cutting|burn|burning)\s+(?:myself|herself|himself|themselves)`,
      String.raw`(?:how\s+(?:to|do\s+i|can\s+i)|ways?\s+to)\s+(?:hurt|harm|cut|burn|starve)\s+myself`,
      String.raw`(?:only\s+)?eat(?:ing)?\s+(?:only\s+)?[1-9]\d{1,2}\s+(?:calories|kcal|cals)\s+(?:a|per)\s+day`,
      String.raw`hide\s+(?:from\s+(?:my|their|her|his)\s+(?:parents|family|mom|mum|dad|doctor)\s+)?that\s+(?:i'm|i\s+am)\s+(?:only\s+eating|not\s+eating|starving|purging|throwing\s+up)`,
    ],
  },
  // ── sexual content involving minors (pairs are found separately) ──────────────────────────
  {
    id: 'sexual_minors.csam',
    category: 'sexual_minors',
    label: 'child sexual abuse material',
    kind: 'statement',
    mention: 3,
    patterns: [
      String.raw`child\s+porn(?:ography|o)?|kiddie\s+porn|kiddy\s+porn|csam|child\s+sexual\s+abuse\s+(?:material|images|imagery|content|videos|pictures)`,
      String.raw`(?:cp|pedo|paedo)\s+(?:links|videos|pics|collection|porn|content)|jailbait|lolicon|shotacon|loli\s+(?:porn|hentai|nsfw)`,
      String.raw`(?:underage|preteen|pre-teen)\s+(?:porn|nudes|sex|nsfw|naked\s+(?:pics|photos|videos))`,
    ],
  },
  // ── violence ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'violence.threat',
    category: 'violence',
    label: 'threat of violence',
    kind: 'statement',
    mention: 3,
    patterns: [
      String.raw`${FIRST_PERSON_WILL}\s+(?:(?:fucking|really|just|finally|literally|personally)\s+)?(?:${VIOLENT_VERB}|hurt|harm|attack|choke|stab)\s+${PERSON_OBJECT}`,
      String.raw`${FIRST_PERSON_WILL}\s+(?:shoot|shoot\s+up|bomb|blow\s+up|attack|burn\s+down)\s+(?:the|this|that|my|your|our|a)\s+(?:school|office|church|mosque|synagogue|temple|mall|building|workplace|concert|class|campus|party|hospital|clinic|parade)`,
      String.raw`you(?:'re|\s+are)\s+(?:dead|going\s+to\s+die|gonna\s+die|a\s+dead\s+man)`,
      String.raw`i\s+know\s+where\s+you\s+live|watch\s+your\s+back|(?:i'll|i\s+will|i'm\s+going\s+to|gonna)\s+(?:find|hunt)\s+you\s+down`,
      String.raw`i\s+want\s+to\s+hurt\s+(?:someone|somebody|people|him|her|them|you)`,
    ],
  },
  {
    id: 'violence.incitement',
    category: 'violence',
    label: 'incitement to violence',
    kind: 'statement',
    mention: 3,
    patterns: [
      String.raw`(?:we|you|y'all|everyone|people|someone|somebody)\s+(?:should|must|need\s+to|ought\s+to|have\s+to|gotta)\s+(?:go\s+)?(?:kill|murder|shoot|attack|hang|lynch|exterminate|slaughter|massacre|bomb|gas|wipe\s+out|eradicate)\s+(?:all|every|those|these)\s+\p{L}+`,
      String.raw`(?:we|you|y'all|everyone|people)\s+(?:should|must|need\s+to|ought\s+to)\s+(?:go\s+)?(?:kill|murder|shoot|attack|lynch)\s+${PERSON_OBJECT}`,
      String.raw`(?:kill|exterminate|gas|slaughter|massacre)\s+all\s+(?:the\s+)?(?:jews|muslims|christians|blacks|whites|gays|immigrants|arabs|asians|mexicans|refugees|infidels|women|men|cops|police|liberals|conservatives)`,
      String.raw`death\s+to\s+(?:all\s+)?(?:the\s+)?(?:jews|muslims|christians|america|americans|israel|infidels|immigrants|gays|cops|police|traitors)`,
      String.raw`(?:let's|let\s+us|go)\s+(?:kill|attack|shoot|burn|lynch)\s+(?:them|those\s+\p{L}+|all\s+of\s+them)`,
      String.raw`(?<!(?:stopped|tackled|disarmed|subdued|caught|confronted|shot|killed|fought|blocked)\s+(?:the\s+)?)(?:shooter|gunman|bomber|mass\s+murderer)\s+(?:\p{L}+\s+){0,4}(?:was|is)\s+a\s+(?:hero|martyr|legend|saint|role\s+model)`,
      String.raw`(?:follow\s+his\s+example\s+and\s+)?finish\s+what\s+(?:he|she|they)\s+started\s*(?:[-—–,:]\s*)?(?:pick\s+a\s+day|walk\s+in|and\s+make\s+them\s+pay)`,
      String.raw`(?:praising|praise|glorify|glorifying|celebrate|celebrating)\s+(?:the\s+)?(?:school\s+|mass\s+)?(?:shooter|gunman|bomber)s?`,
    ],
  },
  {
    id: 'violence.harm_person',
    category: 'violence',
    label: 'violence against a person',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    patterns: [
      String.raw`${VIOLENT_VERB}\s+${PERSON_OBJECT}`,
      String.raw`(?:hire|find|pay)\s+(?:a\s+)?(?:hitman|hit\s+man|assassin|someone\s+to\s+kill)`,
      String.raw`(?:dispose\s+of|get\s+rid\s+of|hide|bury|dissolve)\s+(?:a|the|his|her)\s+(?:dead\s+)?body`,
      String.raw`knock(?:ing)?\s+${PERSON_OBJECT}\s+(?:out|unconscious)`,
      String.raw`(?:hit|punch|beat|knock|hurt|choke|strangle)\s+(?:\p{L}+\s+){0,5}without\s+leaving\s+(?:any\s+)?(?:marks|bruises|a\s+mark)`,
      String.raw`poison(?:ing)?\s+(?:my\s+neighbou?r's|the\s+neighbou?rs?'s?|someone's|his|her|their|a|the)\s+(?:dog|cat|pet|horse|dogs|cats)`,
    ],
  },
  {
    id: 'violence.cover_up',
    category: 'violence',
    label: 'covering up a killing',
    kind: 'statement',
    mention: 3,
    patterns: [
      String.raw`(?:make|making|made)\s+(?:(?:my|the|his|her|their)\s+)?(?:(?:his|her|their|\p{L}+'s)\s+)?death\s+look\s+like\s+(?:an?\s+)?(?:accident|suicide|natural\s+causes)`,
      String.raw`(?:stage|staging)\s+(?:a|an|the)\s+(?:suicide|accident|overdose)\s+(?:to\s+cover|so\s+(?:no\s+one|nobody))`,
      String.raw`arrange\s+(?:an?\s+)?['"]?(?:accident|car\s+accident|fatal\s+accident)\b`,
    ],
  },
  {
    id: 'violence.killing_plan',
    category: 'violence',
    label: 'planning a killing or poisoning',
    kind: 'topic',
    mention: 2,
    verbal: 3,
    patterns: [
      String.raw`(?:get\s+away\s+with|commit(?:ting)?|plan(?:ning)?|carry(?:ing)?\s+out)\s+(?:a\s+|the\s+|(?:the\s+)?perfect\s+)?(?:murder|homicide|killing|assassination|poisoning)`,
      String.raw`(?:untraceable|undetectable|tasteless|odou?rless|perfect|best|ideal)\s+poisons?|poisons?\s+(?:that\s+)?(?:can't|cannot|won't|wouldn't|doesn't)\s+(?:be\s+)?(?:detected|traced|show\s+up)`,
      String.raw`make\s+(?:someone|somebody|him|her|them|my\s+\p{L}+)\s+overdose`,
      String.raw`poison\s+(?:could|can|would|should)\s+(?:i|we)\s+(?:put|use|add|slip|give)`,
      String.raw`(?:wouldn't|won't|doesn't|does\s+not|will\s+not|would\s+not)\s+show\s+up\s+(?:in|on)\s+(?:an?\s+)?(?:autopsy|toxicology|tox\s+screen)|autops(?:y|ies)\s+(?:won't|will\s+not|don't|do\s+not|wouldn't)\s+(?:test|detect|find|pick\s+up)`,
      String.raw`get\s+rid\s+of\s+(?:a|my|the|this|that|his|her|our)\s+(?:\p{L}+\s+)?(?:rival|competitor|wife|husband|boss|neighbou?r|witness|ex|partner|father-in-law|mother-in-law|stepdad|stepmom)\s+permanently`,
    ],
  },
  {
    id: 'violence.harm_person_mild',
    category: 'violence',
    label: 'harm to a person',
    kind: 'topic',
    mention: 0,
    verbal: 2,
    patterns: [String.raw`${MILD_VIOLENT_VERB}\s+${PERSON_OBJECT}`],
  },
  {
    id: 'violence.mass_violence',
    category: 'violence',
    label: 'mass violence or terrorism',
    kind: 'topic',
    mention: 1,
    couples: { use: 3 },
    patterns: [
      String.raw`mass\s+(?:shooting|shootings|murder|killing|killings|casualty\s+attack|stabbing)|school\s+shootings?`,
      String.raw`shoot\s+up\s+(?:a|the|my|this)\s+(?:school|church|mall|office|concert|mosque|synagogue)`,
      String.raw`massacres?|genocide|ethnic\s+cleansing|terror(?:ist)?\s+attacks?|suicide\s+(?:bomb(?:er|ers|ing|ings)?|vest)`,
      String.raw`behead(?:ed|ing|ings)?|decapitat(?:e|ed|ion)|lynch(?:ed|ing|ings)|(?:car|vehicle|truck)\s+ramming`,
    ],
  },
  {
    id: 'violence.graphic',
    category: 'violence',
    label: 'graphic violence',
    kind: 'topic',
    mention: 1,
    framedCap: 1,
    clusters: true,
    patterns: [
      String.raw`disembowel(?:ed|ing|led|ling)?|dismember(?:ed|ing|ment)?|eviscerat(?:e|ed|ing)|entrails`,
      String.raw`(?:spilled|spilling|spilt)\s+(?:guts|intestines)|gouged\s+out|torn\s+limb\s+from\s+limb`,
      String.raw`(?:skull|bones?|ribs|jaw)\s+(?:cracked|crushed|shattered|snapped|splintered|caved\s+in)`,
      String.raw`(?:brains?|blood)\s+(?:splattered|sprayed|spattered|gushed|gushing|spurting|spurted|pooled|pooling)`,
      String.raw`(?:flayed|burned|burnt|skinned|buried)\s+alive|severed\s+(?:head|heads|limbs?|arms?|legs?|fingers?)`,
      String.raw`gore|gory|mutilat(?:ed|ing|ion)`,
    ],
  },
  // ── weapons ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'weapons.explosives',
    category: 'weapons',
    label: 'explosives or bombs',
    kind: 'topic',
    mention: 1,
    couples: { make: 3, acquire: 3, use: 3 },
    patterns: [
      String.raw`(?:pipe|nail|pressure[\s-]cooker|car|letter|fertili[sz]er|homemade|home-made|improvised)\s+bombs?`,
      String.raw`improvised\s+explosive\s+devices?|ieds?|explosive\s+devices?|explosives?`,
      String.raw`bombs?|grenades?|molotov(?:\s+cocktails?)?|detonators?|blasting\s+caps?|napalm|thermite`,
      String.raw`c-?4\s+explosive|semtex|tatp|triacetone\s+triperoxide|acetone\s+peroxide|hmtd|petn|rdx|anfo|nitroglycerine?`,
    ],
  },
  {
    id: 'weapons.explosive_materials',
    category: 'weapons',
    label: 'explosive materials in a recipe',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    companion: true,
    patterns: [
      String.raw`ammonium\s+nitrate|potassium\s+(?:chlorate|perchlorate)|black\s+powder|gunpowder|flash\s+powder|alumin(?:i)?um\s+powder|hexamine|urea\s+nitrate|nitric\s+acid|blasting\s+caps?`,
    ],
  },
  {
    id: 'weapons.cbrn',
    category: 'weapons',
    label: 'chemical, biological or nuclear weapon',
    kind: 'topic',
    mention: 1,
    couples: { make: 3, acquire: 3, use: 3 },
    patterns: [
      String.raw`nerve\s+agents?|sarin|tabun|soman|novichok|vx\s+(?:gas|nerve\s+agent)|mustard\s+gas|chlorine\s+gas|phosgene|hydrogen\s+cyanide`,
      String.raw`ricin|abrin|anthrax\s+spores|weaponi[sz]ed\s+anthrax|botulinum\s+toxin|bioweapons?|biological\s+weapons?|chemical\s+weapons?|dirty\s+bombs?`,
      String.raw`weaponi[sz](?:e|ed|ing)\s+(?:anthrax|smallpox|plague|a\s+virus|the\s+virus|pathogens?|bacteria|toxins?)|nuclear\s+(?:bomb|weapon|device)s?|weapons-grade\s+uranium`,
    ],
  },
  {
    id: 'weapons.toxic_gas',
    category: 'weapons',
    label: 'toxic gas as a weapon',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    couples: { make: 3, use: 3 },
    patterns: [String.raw`(?:toxic|poison(?:ous)?|deadly|lethal)\s+(?:gas|gases|fumes)`],
  },
  {
    id: 'weapons.firearm_modification',
    category: 'weapons',
    label: 'illegal firearm manufacture or modification',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    couples: { make: 3, acquire: 3, use: 3 },
    patterns: [
      String.raw`(?:drop-?in\s+)?auto\s*sears?|glock\s+switch(?:es)?|full(?:y)?[\s-]auto(?:matic)?\s+conversion|bump\s+stocks?`,
      String.raw`convert(?:ing)?\s+(?:an?\s+|my\s+|the\s+)?(?:ar-?15|ak-?47|rifle|glock|pistol|semi-?auto(?:matic)?(?:\s+rifle)?)\s+(?:to|into)\s+(?:full(?:y)?[\s-]auto(?:matic)?|automatic|machine\s+gun)`,
      String.raw`ghost\s+guns?|3d[\s-]print(?:ed|ing)?\s+(?:an?\s+)?(?:guns?|firearms?|pistols?|receivers?|lowers?)|(?:80|eighty)\s*(?:%|percent)\s+lowers?|untraceable\s+(?:guns?|firearms?)`,
      String.raw`(?:homemade|diy|home-?made|improvised)\s+(?:guns?|firearms?|silencers?|suppressors?)|zip\s+guns?|solvent\s+trap\s+(?:suppressor|silencer|kit)`,
      String.raw`(?:file|filing|remove|removing|obliterate|grind)\s+off\s+(?:the\s+)?serial\s+numbers?|(?:remove|removing|obliterate)\s+(?:the\s+)?serial\s+numbers?`,
    ],
  },
  {
    id: 'weapons.suppressors',
    category: 'weapons',
    label: 'firearm suppressors',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    couples: { make: 3, acquire: 1 },
    patterns: [String.raw`silencers?|suppressors?`],
  },
  {
    id: 'weapons.firearms',
    category: 'weapons',
    label: 'firearms',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    couples: { make: 2, acquire: 1 },
    patterns: [
      String.raw`guns?|firearms?|rifles?|pistols?|handguns?|shotguns?|revolvers?|ar-?15s?|ak-?47s?|assault\s+(?:rifles?|weapons?)|ammunition|ammo`,
    ],
  },
  // ── serious crime ─────────────────────────────────────────────────────────────────────────
  {
    id: 'serious_crime.drug_synthesis',
    category: 'serious_crime',
    label: 'illegal drug manufacture',
    kind: 'topic',
    mention: 2,
    verbal: 3,
    couples: { make: 3, acquire: 3 },
    patterns: [
      String.raw`cook(?:ing)?\s+meth|meth\s+(?:lab|cook|recipe)|shake[\s-]and[\s-]bake\s+(?:meth|method)|one[\s-]pot\s+meth`,
      String.raw`(?:pseudo)?ephedrine\s+(?:reduction|extraction)|birch\s+reduction|p2p\s+(?:method|synthesis|route)|red\s+phosphorus\s+(?:method|route|reduction)`,
      String.raw`(?:synthesis|synthesi[sz]e|synthesi[sz]ing|manufactur(?:e|ing)|produc(?:e|ing)|extract(?:ing)?|cook(?:ing)?)\s+(?:of\s+)?${DRUG}`,
      String.raw`${DRUG}\s+(?:synthesis|recipe|lab|production)`,
      String.raw`(?:synthesis|synthetic|production)\s+(?:route|routes|pathway|pathways|procedure|method)\s+(?:for|to|of)\s+${DRUG}|(?:route|routes|pathway)\s+to\s+${DRUG}`,
    ],
  },
  {
    id: 'serious_crime.drug_precursors',
    category: 'serious_crime',
    label: 'drug precursors in a recipe',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    companion: true,
    patterns: [
      String.raw`pseudoephedrine|ephedrine|red\s+phosphorus|anhydrous\s+ammonia|methylamine|phenylacetone|safrole|4-?anpp|acetic\s+anhydride`,
    ],
  },
  {
    id: 'serious_crime.drugs',
    category: 'serious_crime',
    label: 'illegal drugs',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    couples: { make: 3, acquire: 2, traffic: 3 },
    patterns: [DRUG, String.raw`drug\s+labs?`],
  },
  {
    id: 'serious_crime.hacking',
    category: 'serious_crime',
    label: 'unauthorised access to others’ systems',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    patterns: [
      String.raw`hack(?:s|ed|ing)?\s+into|hack(?:ing)?\s+${SOMEONES}\s+${ACCOUNT}`,
      String.raw`hack(?:s|ed|ing)?\s+(?:a|an|the|their|his|her)\s+(?:\p{L}+\s+)?(?:network|server|servers|website|database|system|systems|computer|phone|account|hospital|bank|company|school|government|power\s+grid|atm|camera|router)`,
      String.raw`(?:get|gain|break|breaking|getting)\s+(?:into|access\s+to)\s+${SOMEONES}\s+${ACCOUNT}`,
      String.raw`(?:steal|stealing|harvest|harvesting|grab|grabbing|dump|dumping|phish|phishing|obtain|obtaining|capture|capturing)\s+(?:the\s+victim's\s+|the\s+target's\s+|someone's\s+|people's\s+|user\s+|users'\s+|their\s+|his\s+|her\s+)?(?:bank\s+|banking\s+|login\s+|account\s+|email\s+|paypal\s+|customer\s+)?(?:passwords?|credentials|logins?|login\s+(?:details|credentials)|session\s+(?:cookies|tokens)|credit\s+card\s+(?:numbers|details|info))`,
      String.raw`bypass(?:ing)?\s+(?:2fa|two-factor\s+authentication|mfa|the\s+login|authentication|icloud\s+lock|activation\s+lock)`,
      String.raw`crack(?:ing)?\s+(?:someone's|a|the|his|her|my\s+neighbou?r's)\s+(?:wifi|wi-fi|wpa2?|password|passwords|account)`,
      String.raw`(?:install|put|hide)\s+(?:spyware|stalkerware|a\s+tracker|a\s+tracking\s+app|a\s+keylogger)\s+on\s+${SOMEONES}`,
      String.raw`(?:track|spy\s+on|read|monitor)\s+${SOMEONES}\s+(?:phone|texts|messages|location|whatsapp|emails?)`,
    ],
  },
  {
    id: 'serious_crime.malware',
    category: 'serious_crime',
    label: 'malware or attack tooling',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    verbal: 3,
    couples: { make: 3, cyber: 3, acquire: 2 },
    patterns: [
      String.raw`keyloggers?|ransomware|spyware|stalkerware|remote\s+access\s+trojans?|credential\s+stuffing|phishing\s+(?:kits?|pages?|sites?|emails?|campaigns?|links?)|fake\s+login\s+(?:pages?|sites?|portals?|forms?)|botnets?|rootkits?|cryptojack(?:er|ing)|malware|trojans?|ddos\s+attacks?|ddos`,
    ],
  },
  {
    id: 'serious_crime.fraud',
    category: 'serious_crime',
    label: 'fraud or money laundering',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    couples: { make: 3, acquire: 3, finance: 3, use: 3 },
    patterns: [
      String.raw`carding|(?:card|atm|gas\s+pump)\s+skimmers?|skimming\s+devices?`,
      String.raw`fake\s+(?:ids?|passports?|driver's\s+licen[cs]es?|identity\s+documents|banknotes)|counterfeit(?:ing)?\s+(?:money|bills|currency|cash|notes|dollars|euros|banknotes|coins)`,
      String.raw`forg(?:e|ed|ing)\s+(?:a\s+|the\s+|someone's\s+)?(?:signatures?|passports?|checks?|cheques?|prescriptions?|ids?|banknotes?)`,
      String.raw`steal(?:ing)?\s+(?:someone's|a\s+person's|people's|their|his|her)\s+identit(?:y|ies)`,
      String.raw`launder(?:s|ing|ed)?(?!\s+(?:(?:your|the|my|these|those|our|his|her)\s+)?(?:clothes|sheets|towels|linens|laundry|garments|uniforms|bedding|fabrics?))|wash(?:ing)?\s+dirty\s+money`,
      String.raw`(?:scam|scamming|defraud|defrauding|con|conning)\s+(?:the\s+)?(?:elderly|old\s+people|seniors|pensioners|grandparents|vulnerable\s+people|investors)`,
      String.raw`bribe\s+(?:a|the)\s+(?:judge|official|officer|cop|policeman|inspector|customs\s+officer)`,
      String.raw`burn(?:ing)?\s+(?:down\s+)?(?:my|our|the|his|her|their)\s+(?:own\s+)?(?:\p{L}+\s+)?(?:restaurant|house|home|shop|store|business|building|car|office|warehouse|factory)\s+(?:down\s+)?for\s+(?:the\s+)?insurance`,
      String.raw`make\s+it\s+look\s+like\s+an?\s+(?:electrical|accidental|kitchen)\s+fire`,
    ],
  },
  {
    id: 'serious_crime.fraud_terms',
    category: 'serious_crime',
    label: 'fraud or money laundering',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    couples: { finance: 3, use: 3 },
    patterns: [
      String.raw`money\s+laundering|identity\s+theft|(?:credit\s+card|insurance|tax|benefits?|wire|bank|investment|securities)\s+fraud|ponzi\s+schemes?|pyramid\s+schemes?|fraud`,
    ],
  },
  {
    id: 'serious_crime.trafficking',
    category: 'serious_crime',
    label: 'human trafficking or exploitation',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    couples: { traffic: 3, acquire: 3 },
    patterns: [
      String.raw`traffick?(?:ing)?\s+${MINOR_GROUPS}|smuggl(?:e|ing)\s+(?:people|migrants|humans|immigrants|refugees|children|kids|women|girls)`,
      String.raw`sell(?:ing)?\s+(?:${MINOR_GROUPS}|a\s+(?:child|girl|woman|kid)|her|him)\s+(?:into|for)\s+(?:prostitution|sex|slavery|labou?r|marriage)`,
      String.raw`(?:recruit|lure|groom)(?:ing)?\s+${MINOR_GROUPS}\s+(?:into|for)\s+(?:prostitution|sex\s+work|the\s+sex\s+trade|escort\s+work)`,
      String.raw`(?:confiscate|take|keep)\s+(?:their|the\s+workers'|her|his)\s+(?:phones\s+and\s+)?(?:passports?|ids|identity\s+documents|papers)`,
      String.raw`keep\s+(?:them|her|the\s+(?:girls|women|workers))\s+(?:in\s+debt|from\s+(?:running|escaping|leaving|running\s+away))`,
      String.raw`(?:move|moving|bring|bringing|get|getting|transport|transporting)\s+(?:the\s+)?(?:girls|women|children|kids|boys)\s+(?:\p{L}+\s+){0,4}across\s+the\s+border\s+without\s+(?:papers|documents|passports|visas)`,
    ],
  },
  {
    id: 'serious_crime.trafficking_terms',
    category: 'serious_crime',
    label: 'human trafficking or exploitation',
    kind: 'topic',
    mention: 0,
    ceiling: 1,
    couples: { traffic: 3, use: 3 },
    patterns: [
      String.raw`(?:human|sex|child|people|organ)\s+trafficking|(?:forced|coerced)\s+(?:labou?r|prostitution)|debt\s+bondage`,
    ],
  },
  {
    id: 'serious_crime.theft',
    category: 'serious_crime',
    label: 'burglary or vehicle theft',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    couples: { use: 3 },
    patterns: [
      String.raw`hot-?wir(?:e|es|ed|ing)\s+(?:a|the|his|her|their|someone's|my\s+neighbou?r's)\s+(?:\p{L}+\s+)?(?:car|truck|van|motorbike|motorcycle|vehicle)`,
      String.raw`(?:strip|touch|cross|connect)\s+(?:the\s+)?(?:battery\s+and\s+)?ignition\s+wires`,
      String.raw`(?:get|break|getting|breaking)\s+into\s+${SOMEONES}\s+(?:apartment|house|home|flat|room|place|car|garage)\s+without\s+(?:a|the|her|his|their)\s+key`,
      String.raw`(?:start|get\s+in\s+and\s+start)\s+(?:it|the\s+car)\s+without\s+the\s+key`,
    ],
  },
  {
    id: 'serious_crime.ransomware_howto',
    category: 'serious_crime',
    label: 'ransomware behaviour described',
    kind: 'topic',
    mention: 2,
    patterns: [
      String.raw`delete\s+(?:the\s+)?originals\s+and\s+(?:the\s+)?(?:volume\s+)?shadow\s+copies|(?:delete|wipe)\s+(?:the\s+)?(?:volume\s+)?shadow\s+copies\s+so\s+(?:they|the\s+files|files|victims)\s+can(?:'t|not)\s+(?:be\s+)?(?:restored|recovered|restore|recover)`,
      String.raw`(?:drop|leave|display)\s+a\s+(?:ransom\s+)?note\s+demanding\s+(?:a\s+)?(?:bitcoin|ransom|payment|crypto)`,
    ],
  },
  {
    id: 'serious_crime.image_abuse',
    category: 'serious_crime',
    label: 'non-consensual intimate images',
    kind: 'topic',
    mention: 1,
    verbal: 3,
    patterns: [
      String.raw`(?:post|posting|share|sharing|leak|leaking|upload|uploading|spread|spreading)\s+(?:her|his|their|my\s+ex's|my\s+ex-\p{L}+'s|someone's)\s+(?:nudes|nude\s+(?:photos|pictures|pics|images|videos)|intimate\s+(?:photos|pictures|images|videos)|sex\s+tape)`,
    ],
  },
  {
    id: 'serious_crime.extortion',
    category: 'serious_crime',
    label: 'blackmail or extortion',
    kind: 'statement',
    mention: 2,
    patterns: [
      String.raw`${FIRST_PERSON_WILL}\s+(?:send|post|leak|release|show|publish|share|forward)\s+(?:the\s+|these\s+|those\s+|your\s+|his\s+|her\s+)?(?:photos|pictures|pics|videos|screenshots|messages|emails|texts|nudes|recordings)\b[^.!?]{0,80}\bunless\b`,
      String.raw`unless\b[^.!?]{0,80},\s+your\s+(?:wife|husband|boss|family|employer|partner|parents|kids|children)\s+will\s+(?:get|see|receive|find\s+out|learn)`,
    ],
  },
];
