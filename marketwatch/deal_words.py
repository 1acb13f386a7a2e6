"""The vocabulary of deals, language by language: which words name which deal type.

Kept apart from the matcher (marketwatch.deals) so that a reader adding a language, or a
wording, edits data here and not logic there. Each table maps a deal type of
marketwatch.dealtypes to a regex alternation: `STRONG` and `WEAK` are English, and the tables
of other languages are merged into them kind by kind (`merged`). Latin-script patterns are
matched as whole words against lower-cased text (capitals here are lowered when compiled);
Chinese, Japanese and Korean (`CJK`, `JAPANESE`, `KOREAN`) are matched anywhere, as written.
Weak words count only in a sentence with no damper: see marketwatch.deals.
"""

from __future__ import annotations

from marketwatch.dealtypes import DEAL_TYPES

_TIES = (r"partnerships?|alliances?|tie-?ups?|collaborations?|cooperation|deals?|agreements?|joint ventures?"
         r"|relationships?|investments?|stakes?|ventures?|projects?|programs?|programmes?|talks|plans?")
_PCT = r"\d+(?:\.\d+)?\s?%"
_MONEY = r"(?:more than |over |about |around |up to |nearly )?[$€£¥][\d.,]+"
# A supplier dropped ("drops", "ditched", "dumping"), a product brought or added to cars ("added" and
# "adds" as verbs of reporting, "added that ...", are neither).
_DROPS = r"(?:drop(?:s|ped|ping)?|ditch(?:es|ed|ing)?|dump(?:s|ed|ing)?)"
# Governments a trade deal is made with, in English and French
_GOVERNMENTS = (r"(?:washington|the us\b|the u\.s\.|beijing|brussels|tokyo|the eu\b|the white house|trump|the government"
                r"|les [ée]tats-unis|bruxelles|p[ée]kin|l['’]ue\b|l['’]union europ[ée]enne|la chine|le japon"
                r"|le gouvernement|l['’][ée]tat\b)")
_BRINGS = r"(?:bring(?:s|ing)?|add(?:s|ing)?(?! that\b)|added(?! that\b)|brought)"

STRONG = {
    "ended": rf"end(?:s|ed|ing)? (?:its |their |the |a )?(?:[\w.-]+ ){{0,3}}(?:{_TIES})"
    # "has ended its work with Mobileye", "Volvo Cars ends Luminar lidar contract"
    r"|end(?:s|ed|ing)? (?:its|their) work with|end(?:s|ed|ing)? X{2,}(?: X{2,})*(?:['’]s)? (?:[\w.-]+ ){0,2}contracts?"
    # (not a row about it: "ends CATL contract uncertainty with new LFP deal")
    r"(?! (?:row|dispute|standoff|stand-off|uncertainty|speculation|talks|rumou?rs?|fight|battle|spat|saga|impasse)\b)"
    # a contract ended ("will end its lidar supply contract"), not a date ("through end of contract")
    r"|end(?:s|ed|ing)? (?:its |their |the |a )(?:[\w.-]+ ){0,3}contracts?"
    # "scrap" the verb, with its object: not "production scrap" recycled by a venture
    r"|terminat\w+|(?<!production )(?<!battery )(?<!metal )(?<!steel )(?<!aluminium )(?<!aluminum )(?<!copper )"
    r"(?<!cell )(?<!factory )(?<!manufacturing )(?<!of )scrap(?:s|ped|ping)?"
    r"(?! (?:from|into|metal|materials?|recycl\w*|yards?|value|rates?|prices?|and|or)\b|[,.;:)])"
    # not a market's trade or bets unwound: "$TSLA $NVDA slide as AI trade unwinds"
    r"|(?<!trade )(?<!trades )(?<!bet )(?<!bets )(?<!positions )(?<!trade is )(?<!trades are )unwind\w*"
    r"|unwound(?! (?:[\w-]+ )?positions)|dissolv\w+"
    r"|dissolution of (?:[\w-]+,? ){0,6}?(?:joint venture|venture|jv|partnership|alliance|tie-up|agreement)"
    r"|pull(?:s|ed|ing)? (?:out|the plug)"
    r"|exit(?:s|ed|ing)?|walk(?:s|ed)? away|wind(?:s|ing)? down|shut(?:s|ting)? down|call(?:s|ed)? off"
    # a government's veto: "Berlin blocks Tencent's stake in Volkswagen software unit Cariad"
    # (the verb alone: "declines to block Toyota's stake" leaves the stake)
    r"|(?:block|prohibit|veto)(?:s|es|ed|ing)?(?= (?:X{2,}(?: X{2,})*['’]s? )?(?:[\w%-]+ ){0,4}?"
    r"(?:stake|deal|investment|takeover|acquisition|merger|venture|tie-?up|purchase)\b)"
    r"|collaps\w+|abandon\w*|sever(?:s|ed|ing|ance)?|divest\w*|fell apart|falls? apart"
    r"|(?:sell|sells|sold|selling) (?:its|their|a|the) (?:remaining )?(?:stake|share|shares)"
    r"|part(?:s|ed)? ways|parting ways|no longer|not in (?:talks|discussions)"
    # "GM's decision to stop funding Cruise", "stops supplying Tesla"
    r"|stop(?:s|ped|ping)? (?:funding|investing|supplying|buying|using|working with)"
    # "Ford, SK On and Koc drop plan for battery plant", "pausing the plan ... to build vans with"
    # but not a share price's drop: "Nio shares drop after partnership with Nvidia"
    r"|(?:drop(?:s|ped|ping)?|paus(?:e|es|ed|ing)) (?:its |their |the |a |an )?"
    r"(?:(?!(?:on|after|as|amid|over|following|despite|in|at|to|with|from|by) )[\w-]+ ){0,3}?"
    r"(?:plans?|talks|partnership|venture|deal|project|cooperation|collaboration)",
    "talks": r"in talks|(?:held|holding|hold|enter(?:s|ed)?|advanced|early|early-stage|preliminary) talks"
    r"|talks (?:with|to|on|over|about)|negotiat\w+|sound(?:s|ed)? out|approach(?:es|ed)? (?:[\w-]+ )?(?:about|over)"
    r"|seek(?:s|ing)? (?:a |an )?(?:partnership|tie-?up|cooperation|deal|investment|stake|buyer|partner)"
    r"|explor(?:e|es|ed|ing) (?:a |an |the |possible |potential )?(?:partnership|tie-?up|cooperation|collaboration|deal|alliance|joint venture|investment|stake)"
    r"|(?:consider|weigh)(?:s|ed|ing)? (?:a |an )?(?:partnership|tie-?up|deal|investment|stake|buying)|in discussions?"
    r"|discuss(?:es|ed|ing)? (?:a |an )?(?:[\w-]+ ){0,3}?(?:partnership|tie-?up|deal|cooperation|investment|supplying|investing)"
    r"|close to a deal|nearing a deal",
    "mou": r"memorand(?:um|a)(?: of understanding)?|MoUs?|MOUs?|letters? of intent|LOI|framework agreement"
    r"|strategic cooperation agreement|non-binding agreement|preliminary agreement",
    "joint-venture": rf"{_PCT} (?:owned )?by [\w&. ]{{1,40}}? and {_PCT} by|each (?:own|hold|take)\w* (?:a )?(?:50\s?%|half)"
    r"|joint[- ]ventures?|JVs?|joint (?:[\w-]+ ){0,2}(?:company|plant|factory|gigafactory)|jointly[- ]owned|equally owned|co-owned"
    r"|50[-:/ ]50|co-?found(?:ed|s)?",
    "stake": r"stakes?|equity (?:investment|interest|deal|ownership)|shareholding|minority interest|shares in"
    # "a share in the venture", not a market share: "Carmakers Grab Share In Thailand", "its share in China"
    rf"|a (?:{_PCT} |minority |majority |small |direct )?share in"
    rf"|(?:own|owns|owned|hold|holds|holding|take|takes|took|taking|buy|buys|bought|acquire|acquires|acquiring) (?:a |an )?(?:{_PCT}|majority|minority|controlling)"
    # not a market's share: "took 4% in their first full year on sale", "took 13% of the market"
    r"(?! (?:in (?:their|its|the) (?:first|second|third|full|latest|debut) (?:full )?(?:year|quarter|month|season)"
    r"|of (?:the )?(?:[\w-]+ ){0,2}(?:market|sales|segment|deliveries)))"
    rf"|{_PCT} (?:owned|held) by|largest shareholder|capital (?:and business )?(?:alliance|tie-up)"
    r"|(?:buy|buys|bought|buying|sell|sells|sold|selling|issue|issues|issued|issuing) [\d.,]+ (?:million |billion )?"
    r"(?:(?!and |but |as |while |after |it |they |of |with |\w+ing )[\w-]+ ){0,5}?shares|(?:get|gets|receive|receives|received) (?:[\w.,-]+ ){0,3}?shares"
    # "Toyota buys shares of Pony.ai" (not a supply: "buys")
    r"|(?:buy|buys|bought|buying) (?:more |new |additional |some )?shares (?:of|in)\b"
    # a part bought: "completes 11.5 billion yuan purchase of 10% of Huawei's Yinwang" (not an acquisition)
    # shares bought: "Notice Regarding Acquisition of Shares of Pony AI Inc." (a stake, not the company)
    r"|acquisition of (?!(?:all|remaining|own|treasury)\b)(?:[\w-]+ ){0,2}?shares"
    rf"|purchase of (?:a |an )?{_PCT}(?! of (?:the )?(?:[\w-]+ ){{0,2}}(?:market|sales|segment|deliveries))",
    # "take over" a company, not a screen: "will not let it take over the instrument cluster"
    "acquisition": r"acquir\w+|acquisition|takeover|merg(?:e|es|ed|er|ers|ing)"
    r"|take over (?:X{2,}|(?:the |its |a |an )?(?:[\w-]+ ){0,3}?(?:company|business|startup|firm|unit|division|stake"
    r"|operations?|venture|plants?|factory|factories|maker|supplier|carmaker|automaker))"
    r"|(?:buy|buys|buying|to buy) (?:out )?[\w'’ -]{0,40}?(?:unit|business|division|startup|company|trademarks?|patents?"
    r"|assets)"
    # ... a name and what it is: "to buy Zenseact, Volvo Cars' driver-assistance software unit" (not "buy
    # cells from PowerCo, Volkswagen's battery company")
    # (whose appositive says whose it is: not "to buy Nvidia chips, bolstering its EV unit", "to buy Leapmotor
    # stake, its first Chinese business")
    r"|(?:buy|buys|buying|to buy) (?!(?:[\w'’-]+ )?(?:stake|shares)\b)[\w'’-]+(?: [\w'’-]+)?, (?:its |X{2,}['’]s? "
    r"|[\w-]+['’]s? )(?:[\w'’-]+ ){0,3}?(?:unit|business|division|startup|subsidiary)"
    # not advertising bought ("Hyundai bought all the advertising slots around it")
    r"|bought(?! (?:all |up |most |the |some )*(?:[\w-]+ ){0,2}?(?:ads?|advertising|adverts?|commercials?|airtime"
    r"|ad slots?|slots|billboards?|tickets?|seats?)\b)(?! (?:through|from|at) (?:a |the )?(?:local )?(?:dealer|dealership"
    r"|showroom|auction))|purchase of",  # nor a car "reportedly bought through a local dealer"
    # "investors" only as those of a round or a company: "join its investors", "with Honda among
    # investors"; not the market's ("Investors piled into Toyota and Nvidia") nor a company's
    # shareholders ("Toyota investors cheer Nvidia results")
    # (the first letter outside the lookbehinds, for `marketwatch.alternation` to group it under "i")
    "investment": r"invest(?!igat|ors?\b)\w*|i(?:(?<=its i)|(?<=their i)|(?<=among i)|(?<=as i)|(?<=new i)"
    r"|(?<=strategic i)|(?<=lead i)|(?<=anchor i)|(?<=other i)|(?<=existing i)|(?<=an i))nvestors?"
    rf"|commit(?:s|ted|ting)? {_MONEY}|funding|financing round|series [a-f]\b"
    rf"|rais(?:e|es|ed|ing) {_MONEY}|(?:gets?|got|receiv(?:es|ed|ing)|secur(?:es|ed|ing)|lands?|landed"
    rf"|nab(?:s|bed|bing)?|snag(?:s|ged|ging)?|bag(?:s|ged|ging)?|pull(?:s|ed|ing)? in|rak(?:e|es|ed|ing) in) {_MONEY}"
    r"[\w ]{0,20}? from|capital injection|back(?:s|ing)|backed(?! by)"
    r"|(?:co-)?(?:led|leads?|leading) (?:a |an |the |its )?(?:[$€£¥][\d.,]+\s?(?:[mb]n?|million|billion) )?"
    r"(?:[\w-]+ ){0,2}?(?:round|investment)|round led"
    # new shares issued to a company: "approve share issue to Toyota", "the issue of 38 million new Class
    # A shares to Toyota Motor", "issuing shares to Uber"
    r"|(?:share|stock) (?:issue|issuance|placement|placing|sale)s? to X{2,}"
    r"|issu(?:e|es|ed|ing|ance) (?:of )?(?:up to )?(?:[\w.,$-]+ ){0,6}?shares to X{2,}"
    # money put into a company: "CATL to put another 1.5 billion yuan into NIO Power"
    r"|put(?:s|ting)? (?:another |an additional |a further |up to )?(?:[$€£¥][\d.,]+(?: ?(?:million|billion|bn|m|b))?"
    r"|[\d.,]+ ?(?:million|billion|bn))(?: (?:yuan|dollars|euros|yen|won|rupees|pounds))? into X{2,}(?!-)",
    # not a licence to drive or to trade: "licensed taxis", "licence plates", "a driving licence"
    # ("licenses driver-monitoring software to Ford", "a self-driving licensing deal" are licensing)
    "licensing": r"licen[cs]ing|licen[cs]ors?|licen[cs]ees?|royalt\w+"
    r"|licen[cs]ed(?! (?:taxis?|cabs?|drivers?|dealers?|dealerships?|premises|operators?|professionals?)(?![\w-]))"
    # nor a government's permit: "may require an export licence", "need licences to build abroad"
    r"|(?<!driving )(?<!driver's )(?<!driver’s )(?<!operating )(?<!export )(?<!import )(?<!testing )(?<!business )"
    r"(?<!need )(?<!needs )(?<!needed )"
    r"licen[cs]es?(?! plates?(?![\w-]))(?! (?:(?:to|for) (?:operat|export|import|test)\w*"
    r"|before (?:transferr|export|ship|sell)\w*)\b)"
    # a patent cross-licence settling a suit ("signed a patent cross-licence")
    r"|cross-licen[cs]\w*",
    "supply": r"suppl(?:y|ier) (?:deal|agreement|contract|pact|partner)|(?:battery|cell|chip|lidar) orders?"
    # a company hired to do a job, strong where "hires" damps the weak words: "Cariad hires IBM to watch
    # Volkswagen's connected cars for hackers" (not a person hired: "hires Waymo executive to lead")
    r"|hir(?:e|es|ed|ing) X{2,} to(?= (?!(?:lead|head|run|join|manage|oversee|succeed|replace|become|serve|be|act"
    r"|advise)\b)\w)"
    # a supplier's win of a named customer, strong even under a market wrap's headline: "Innoviz soars on
    # Renault lidar win", "a supply win with Volkswagen" (not the verb: "BYD battery wins over CATL")
    # (not an award's, a race's or a benchmark's: "BMW design win", "Porsche battery win in Tokyo",
    # "Xiaomi chip win: XRING O1 beats Qualcomm"; nor one hoped for or lost)
    r"|(?<!hopes of )(?<!possible )(?<!potential )(?<!loses )(?<!lost )(?<!misses )(?<!missed )"
    r"X{2,} (?:lidar|chip|radar|sensor|supply|sourcing) win(?! over)(?!:)\b"
    r"|(?<!hopes of a )(?<!possible )(?<!potential )(?:lidar|chip|radar|sensor|camera|battery|cell|supply|sourcing"
    r"|design) win (?:with|from|at) X{2,}"
    r"|(?:battery|cell|chip|lidar) (?:supply )?(?:deals?|contracts?)"
    # ... an order won from a named customer: "after winning Mitsubishi Motors contract manufacturing order"
    r"|(?<!hopes of )(?<!lost )(?<!fails to )(?<!failed to )(?<!failing to )(?<!fail to )(?<!yet to )(?<!unlikely to )"
    r"(?<!hopes to )(?<!bids to )(?<!bid to )(?<!aims to )(?<!running to )"
    r"(?:win|wins|won|winning|land|lands|landed|landing|secur(?:e|es|ed|ing)|clinch(?:es|ed)?)"
    r" (?:an? |the )?X{2,}(?: X{2,})*(?:['’]s?)? (?:[\w-]+ ){0,3}?(?:orders?|contracts?)\b"
    # ... and a part in a named customer's cars: "AMD Versal chips enter volume production in Subaru's EyeSight"
    # (not a site: "enter volume production in Tesla's Austin plant")
    r"|(?:enter|enters|entered|entering|go|goes|went|going) (?:into )?(?:volume|mass|series) production (?:for X{2,}"
    r"|in X{2,}(?!(?: X{2,})*(?:['’]s)? (?:[\w-]+ ){0,2}?(?:plants?|factory|factories|gigafactory|sites?|facility|works"
    r"|city)\b))"
    # a supplier's award for a model in series production: "Hesai's first production contract with a
    # South Korean carmaker"
    r"|(?:series[- ])?production (?:contracts?|orders?|awards?)|sourcing (?:contracts?|awards?)"
    r"|order(?:s|ed)? .{0,40}? from|supply(?:ing)? .{0,40}? to"
    # a supplier's product built into the cars: "Toyota to integrate Nvidia Drive AGX Orin into ..."
    r"|integrat(?:e|es|ed|ing) (?!with\b|(?:their|its|our|the two) (?:[\w-]+ )?(?:teams?|operations?|business(?:es)?|units?|workforces?|staff"
    r"|efforts|companies|organi[sz]ations?)\b)(?:[\w'’.+-]+ ){1,8}?(?:into|in)\b"
    r"(?! (?:its |their |the )?(?:factor|plant|operation|team|organi[sz]ation|workforce|business))"
    # a deal for the things one side delivers: "in pact with Horizon Robotics for Journey 6 chips",
    # "signs fleet deal with Kia for 5,000 EV3s", "agreement with Panasonic Energy for cells"
    r"|(?:pacts?|deals?|agreements?|contracts?) (?:with X{2,}(?:['’]s)? (?:[\w.-]+ )?)?for (?:up to |about |more than )?"
    r"(?:[\d,.]+ )?(?:[\w'’.-]+ ){0,3}?(?:chips|processors|semiconductors|cells|batter(?:y|ies)|lidars?|sensors?"
    r"|EVs|EV\d+s|cars|vehicles|robotaxis|vans|SUVs|cockpits?|modules?)\b"
    # an agreement to take the other's product: "said it had agreed with Google to adopt Android
    # Automotive", strong even where a headline about earnings damps "adopt"
    r"|agree(?:s|d)? with X{2,}(?:['’]s)? (?:[\w.-]+ ){0,3}?to (?:adopt|use|deploy|install|integrate|buy|source)\b",
    "partnership": r"partner\w*|collaborat\w+|co-?operat\w+|team(?:s|ed|ing)? (?:up|with)|team-up|tie[- ]?ups?|ti(?:e|es|ed|ing) up"
    r"|join(?:s|ed|ing)? (?:forces|hands)|alliances?|agreements?|pacts?|ink(?:s|ed|ing)?|sign(?:ed|ing)"
    # "sign" and "signs" the verb, not the noun: "a stalled car from an overhead sign", "signs of demand"
    r"|(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bno )(?<!\bany )(?<!road )(?<!stop )(?<!exit )(?<!street )(?<!traffic )"
    r"(?<!warning )(?<!overhead )signs?(?! of\b| that\b)"
    r"|co-?develop\w*|jointly|work(?:s|ed|ing)? (?:together|with|closely)|strik\w+ (?:a |an )?[\w-]* ?deal|struck (?:a )?[\w-]* ?deal"
    r"|strategic (?:deal|cooperation|partnership|collaboration)|cooperation"
    # not a part's name: "integrated charging control units supplied by LG Electronics" (a recall's)
    r"|integrat\w+(?! (?:charging|circuits?|control|power|starter|brak\w+|motors?|e-?axles?|thermal|heat|casting)\b)",
}
# What may stand between a company and its verb: "Mahindra is leaning on", "Ford has long gone with"
_AUXILIARIES = r"(?:(?:is|was|has|had|have|will|would|also|now|long|reportedly|again|instead|already)\s+){0,3}"

WEAK = {
    # "Rivian drops Mobileye for Nvidia", "replace Mobileye's EyeQ4 chip with Nvidia Drive Orin": one
    # supplier for another. Weak: a recall replaces parts too ("to replace LG cells with new ones").
    # "GM to drop Qualcomm cockpit chips", "Volvo ditches Luminar lidar": a supplier's product dropped
    # (not a software update a supplier drops, which is a release).
    "ended": rf"(?:{_DROPS}|swap(?:s|ped|ping)?) X{{2,}}(?:['’]s)?"
    r" (?:[\w-]+ ){0,2}?(?:for|in favou?r of)"
    rf"|(?:{_DROPS}|phas(?:e|es|ed|ing) out) X{{2,}}(?:['’]s)?"
    r" (?:[\w-]+ ){0,3}?(?:chips?|chipsets?|socs?|processors?|modems?|software(?! updates?\b)|platforms?|systems?"
    r"|os|cells|batter(?:y|ies)|lidars?|sensors?|technology|tech)\b"
    # ... or dropped from the cars: "GM drops Apple CarPlay from its EVs"
    rf"|(?:{_DROPS}|phas(?:e|es|ed|ing) out) X{{2,}}(?:['’]s)? (?:[\w-]+ ){{0,2}}?from (?:its|their|all its|future"
    r"|upcoming|new) (?:[\w-]+ ){0,2}?(?:cars|vehicles|evs|models|lineup|line-up|range|dashboards?|fleet(?! plans))\b"
    r"|replac(?:e|es|ed|ing) X{2,}(?:['’]s)? (?:[\w-]+ ){0,3}?with",
    # Not a carmaker's own "deliveries" (its sales: "BMW's deliveries in China fell 15%"), but those to someone
    "supply": r"suppl(?:y|ies|ied|ying)|suppliers? (?:to|for|of)|orders|ordered|order for|deliver(?:s|ed|ing|y)?"
    r"|deliveries (?:to|for)|deploy\w*|provid\w+"
    # a company's own choice of a supplier, the chooser named as the verb's subject: "JLR goes with Tencent
    # for connected services", "Lotus opts for Momenta's software", "Mahindra is leaning on Harman, the
    # Samsung-owned audio company, for the cockpit" (not "Investors opt for Nvidia's shares", "Rather than
    # going with Nvidia", "Tesla stopped leaning on Mobileye", "Xiaomi opts for Tesla's playbook")
    rf"|X{{2,}} {_AUXILIARIES}(?:(?:go|goes|going|gone|went) with X{{2,}} for"
    r"|opt(?:s|ed|ing)? for X{2,}['’]s(?! (?:[\w-]+ )?(?:shares|stock|playbook|approach|design|strategy|style|team"
    r"|logo|lead|example|model)\b)"
    r"|lean(?:s|ed|ing)? on X{2,}(?:, [^,;]{1,60},)? for)"
    # a carmaker building another's product into its own: "BMW will build Amazon's generative-AI assistant
    # Alexa+ into the intelligent personal assistant of its Neue Klasse cars" (not "Samsung builds Google's
    # Gemini into its Galaxy phones", "Startup builds Google's software into its retrofit kits for Toyota cars")
    r"|X{2,} (?:will |is |are |to )?(?:build|builds|building) X{2,}['’]s (?:[\w+-]+ ){0,3}?(?:chips?|processors?"
    r"|lidars?|sensors?|software|assistant|platform|system)s? (?:[\w+-]+ )?in(?:to)? (?:(?:the|a) (?:[\w-]+ ){0,3}?of )?"
    r"(?:its|their) (?:[\w-]+ ){0,3}?(?:models?|cars?|vehicles?|evs?|suvs?|trucks?|cockpits?|line-?up)\b"
    # "Xiaomi puts Qualcomm chips in its YU7", "will put Nvidia's Thor into its next cars"
    r"|(?:put|puts|putting) X{2,}(?:['’]s)? (?:[\w-]+ ){0,2}?(?:chips?|chipsets?|socs?|processors?|lidars?|sensors?|cells"
    r"|batter(?:y|ies)|software|assistant|platform)s? in(?:to)? (?:its|their|every|all|future|new|next|upcoming"
    # ... in the subject's own products, not someone else's ("in BYD and Xiaomi cars", "in xAI data centres")
    r"|(?:(?!x{2,})[\w,-]+ ){1,3}?(?:models?|cars?|vehicles?|scooters?|motorcycles?|bikes?|evs?|suvs?|trucks?))\b"
    r"|power(?:s|ed|ing)|equip\w*|fitted with|(?:to|will) (?:use|offer|feature|fit)|uses|using|adopt\w*|choos\w+|chose|chosen"
    r"|select\w*|pick(?:s|ed)?|tap(?:s|ped)?|sourc\w+|contract\w*|(?:to|will) (?:get|buy)|gets|buys"
    r"|(?:build|builds|built|make|makes|produce|produces|manufactur\w+) .{0,40}? for|built (?:by|for|with)"
    r"|(?:launch|offer|bring|introduc|preview|unveil|debut)\w* .{0,40}? with|run(?:s|ning)? (?:[\w-]+ ){0,2}?on|powered by|based on|built on|build(?:s|ing)? (?:[\w-]+ ){0,4}?on|reli(?:es|ed) on|rely on"
    # "Qualcomm's Snapdragon Ride Pilot debuts in BMW's new iX3": a product making its debut in a company's car
    r"|(?:debut(?:s|ed|ing)?|premier(?:e|es|ed|ing)|makes? its debut) (?:in|on|aboard) (?:the )?X{2,}"
    # "the first motorcycle with Apple CarPlay", "the first carmaker to use Nvidia's Thor"
    r"|first (?:[\w-]+ ){0,2}?(?:cars?|vehicles?|models?|EVs?|SUVs?|sedans?|trucks?|vans?|motorcycles?|bikes?"
    r"|carmakers?|automakers?|brands?) (?:with|to (?:use|get|feature|offer|carry|adopt|run|fit))"
    r"|(?:make|makes|making|build|builds|produce|produces) [\w'’ -]{0,30}?(?:chips?|cells?|batter(?:y|ies)|sensors?|lidars?|modules?|screens?|displays?|semiconductors?)"
    r"|built[- ]in|comes? with|developed (?:by|with)|X{2,}-(?:powered|equipped|built|made|developed|designed)"
    # "GM to bring Google's Gemini to its cars", "Rivian brings Google Maps to its R1 trucks and SUVs"
    # and to a car's parts: "brings Baidu's Ernie model to the Dreamer's voice assistant"
    rf"|{_BRINGS} .{{0,60}}? (?:to|into) (?:its |their |the )?"
    r"(?:[\w'’-]+ ){0,2}?(?:cars|vehicles|models|EVs"
    r"|fleet|trucks|SUVs|sedans|vans|pickups|line-?up|range|(?:voice )?assistants?|cockpits?|infotainment|dashboards?)"
    # "Polestar adds Google Gemini to Polestar 3 and 4": to models named by their maker and a number,
    # or by a model code ("has added Tencent's WeChat Pay to the EX30 and EX90")
    rf"|{_BRINGS} .{{0,60}}? (?:to|into) "
    r"(?:(?:the |its |their )?(?:new )?X{2,} [\w-]*\d|the (?:new )?[A-Z]{1,4}-?\d{1,3}\b)"
    # "Momenta's driver assistance arrives in Toyota, Nissan and Mercedes-Benz models", "Amazon's
    # assistant will reach 2026 Toyota and Lexus models", "Gemini rolls out to Volvo cars": the
    # carmakers' own cars, named right after the verb (not "to reach Tesla's level of 1 million
    # vehicles", "BYD-level volumes of 1 million cars")
    r"|(?:arriv(?:e|es|ed|ing) (?:in|on|to)|com(?:e|es|ing) to) .{0,60}?(?:cars|vehicles|models|EVs|SUVs|sedans|line-?up)"
    r"|(?:reach(?:es)?|roll(?:s|ed|ing)? out (?:to|in)) (?:\d{4} )?X{2,}(?:(?:,| and| &) X{2,})*(?: [\w-]+){0,2}?"
    r" (?:cars|vehicles|models|EVs|SUVs|sedans|line-?up)"
    r"|(?:software|chips?|systems?|technology|tech|lidars?|sensors?|platforms?|cells?|batter(?:y|ies)|modules?|solutions?) from"
    # A supplier's win: "Momenta wins Honda order", "Hesai lands BYD order", "secures a lidar order"
    r"|(?:win|wins|won|winning|land|lands|landed|landing|secur(?:e|es|ed|ing)|bag(?:s|ged)?|snag(?:s|ged)?|clinch(?:es|ed)?"
    r"|nab(?:s|bed)?) (?:an? |the |its )?(?:[\w'’-]+ ){0,3}?orders?"
    # A fleet leased: "Grab will lease 10,000 Omoda and Jaecoo SUVs to its drivers"
    r"|leas(?:e|es|ed|ing) (?:up to |about |more than |nearly |some )?\d[\d,.]*(?: million| thousand)?",
    # not a government's trade deal: "The deal with Washington relieves Toyota and Sony"
    "partnership": r"deals?(?! with " + _GOVERNMENTS + r")|agree(?:s|d)?|together|with the help of|backed"
    # not a stock index, a club or a ranking: "Tesla and Nvidia join S&P 500 top ten", "join the $1 trillion club"
    r"|join(?:s|ed)?(?! (?:the )?(?:s&p|nasdaq|dow|ftse|nikkei|dax|msci|stoxx|hang seng|top (?:ten|10|five|5|20|\d+ list)"
    r"|[\w$.,-]+ (?:trillion|billion)[\w-]* (?:dollar )?club|(?:[\w-]+ )?index))"
    # Two masked names as one subject: "Ford and Baidu to test robotaxis", "Uber and WeRide launch"
    r"|X{2,} (?:and|&) X{2,} (?:to |will |plan to |agree to )?(?:jointly )?(?:launch|build|make|develop|produce|form|establish"
    r"|offer|deploy|bring|create|set up|test|explore|research|study|roll out|expand|unveil|debut|show)\w*"
    # ... who have begun testing together: "Volkswagen and Uber begin testing ID. Buzz robotaxis" (not
    # "have begun testing investors' patience")
    r"|X{2,} (?:and|&) X{2,} (?:have |has )?(?:begin|begins|began|begun|start|starts|started) (?:jointly )?"
    r"(?:testing|trials?|trialling|trialing|piloting|road[- ]testing)"
    r"(?! (?:investors|markets?|patience|support|resistance|new (?:highs|lows)|lows|highs|their|its)\b)",
}
# Chinese and Japanese: no word boundaries. German, French and Spanish: whole words, like English.
GERMAN_WEAK = {
    # "Porsche bringt Apples CarPlay Ultra in den Cayenne", "Audi holt Googles Gemini ins Cockpit"
    "supply": r"setz(?:t|en) (?:[\w-]+ ){0,4}?auf|nutz(?:t|en)|verwende[nt]|liefer\w*"
    r"|(?:bring(?:t|en)|hol(?:t|en)) (?!x{2,}(?: (?:und|&) x{2,})* (?:ins|in)\b)(?:[\w.-]+ ){1,5}?"
    r"(?:ins|in (?:den|die|das|alle|seine|ihre))\b",
    "partnership": r"vereinbar\w*|gemeinsam",
}
_FLEET = r"(?:\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d{2,})(?! ?%)"  # 20, 3 000, 1.000: not 100 %
ROMANCE_WEAK = {
    "supply": r"fourni(?:t|ra|ront|ssent)|fournisseur\w*|[ée]quiper[ao]n?t?|choisi(?:t|ssent)|s[ée]lectionne\w*"
    r"|suministr\w*|proveedor\w*|elige\w*|equipar[áa]n?|utilisera|usar[áa]"
    # "Renault s'appuie sur Gemini de Google" (relies on), "intégrera" (will integrate), "Cupra
    # integra Alexa de Amazon", "incorpora" (builds in)
    r"|s['’]appui(?:e|ent|era|eront) sur|int[èé]gr(?:e|ent|era|eront)|integra(?:n|r[áa]n?)?|incorpora(?:n|r[áa]n?)?"
    r"|fornece(?:m|r[áa]o?|u)?|fornecedora?s?|fornecimento"
    # an order of a fleet: "Bolt commande 3 000 Peugeot e-208", "encarga 500 taxis"; not one car for
    # a boss's collection, nor an assistant "se commande 2 fois plus vite"
    r"|command(?:e|ent|é|era) (?:jusqu['’]à )?" + _FLEET + r"|encarga(?:n|r[áa]n?)? (?:hasta )?" + _FLEET,
    # "grâce à un accord avec OpenAI"; not "d'accord avec" (agreed) nor "en accord avec" (in line with)
    # ("avec" looked at, not taken: `marketwatch.advice` reads "aucun accord avec" as none)
    "partnership": r"(?<!en )(?<!d['’])accords?(?= avec\b)(?! avec " + _GOVERNMENTS + ")",
}
CJK = {
    "ended": r"终止|解除合作|停止合作|退出|解散|停摆",
    "talks": r"谈判|洽谈|商谈|磋商|接洽",
    "mou": r"备忘录|框架协议|意向书|战略合作协议",
    "joint-venture": r"合资|合营",
    "stake": r"入股|持股|股权|股份",
    "acquisition": r"收购|并购",
    "investment": r"投资|注资|融资|领投",
    "licensing": r"授权|许可",
    # not 供应链 (the supply chain), nor 供应商 (a supplier) but where one becomes or is chosen as one
    # ("宁德时代成为理想汽车电池供应商", "宝马选定宁德时代为圆柱电池供应商")
    "supply": r"搭载|采用|供应(?!链|商)|供货|定点|(?:成为|入选|选定|作为|引入)[^，。；]{0,14}?供应商",
    "partnership": r"合作|携手|牵手|联手|签署|签约|联盟|(?:联合|共同)(?:打造|开发|研发|推出|发布)",
}
# Japanese ("トヨタ、エヌビディアの半導体を採用", "ホンダと日産、協議を打ち切り"): matched like Chinese.
JAPANESE = {
    "ended": r"解消|打ち切|撤退|終了",
    "talks": r"協議|交渉",
    "mou": r"覚書|基本合意",
    "joint-venture": r"合弁",
    # (not 自己株式の取得, a buyback)
    "stake": r"資本提携|株式を取得|(?<!自己)株式の?[^、。\s]{0,8}?取得",
    # (not a permit: "自動運転試験のライセンス取得")
    "licensing": r"(?<!試験の)(?<!運転)ライセンス|使用許諾",
    "acquisition": r"買収",
    "investment": r"出資",
    "supply": r"採用|搭載|供給|調達",
    # "共同実証で合意" (agreed on a joint trial), "...を始めることで合意" (agreed to start); not any
    # "で合意" ("賃上げで合意": a wage deal)
    "partnership": r"提携|協業|協力|共同(?:で)?開発|共同研究|実証実験|共同実証|ことで合意(?!できず|できな|に至らず|せず)",
}
GERMAN = {
    "ended": r"beende[nt]?|beendigt|aufgel[öo]st|steig[ten]* aus|Ausstieg|gekündigt|Kündigung"
    # "BMW trennt sich beim Sprachassistenten von Amazon" (not from a manager or shares: "von Apple-Manager")
    r"|trenn(?:t|en) sich (?:[\w-]+ ){0,4}?von X{2,}(?![-\w])"
    # "Volvo kündigt Lidar-Vertrag mit Luminar", not "kündigt ... an" (announces)
    r"|kündig(?:t|en)(?![^.;]*\san\s*(?:[.,;:!?]|$))",
    # "Porsche prüft Kooperation mit Huawei" (weighs), as "considers a partnership"
    "talks": r"Gespr[äa]che?n?|Verhandlungen|verhandel[nt]"
    r"|prüf(?:t|en) (?:[\w-]+ ){0,2}?(?:Kooperation|Zusammenarbeit|Partnerschaft|Beteiligung|Einstieg|Übernahme|Allianz)",
    "mou": r"Absichtserkl[äa]rung",
    "joint-venture": r"Gemeinschaftsunternehmens?|Joint[- ]Ventures?",
    "stake": r"Beteiligung|beteiligt|Anteile?n?",
    "acquisition": r"[üu]bernimmt|[ÜU]bernahme|kauft",
    "investment": r"investier\w*|Investition\w*",
    "licensing": r"Lizenz\w*",
    # (a contract awarded, not a tariff's surcharge: "Zuschlag für Tesla sinkt")
    "supply": r"liefer\w*|Lieferant\w*|Zuschlag (?:für|an) X{2,}(?! (?:sinkt|steigt|fällt|wird|bleibt)\b)",
    # ... and a contract signed with a company: "BMW schließt Vertrag mit Nvidia ab", "unterzeichnet Abkommen
    # mit Qualcomm"; not "keinen Vertrag", a person's ("unterschreibt Vertrag bei Xiaomi", "Vertrag mit
    # Hamilton"), a country's ("USA und Japan unterzeichnen Abkommen") nor a plant closed ("schließt Werk")
    "partnership": r"Kooperation\w*|kooperier\w*|Partnerschaft\w*|Zusammenarbeit|zusammenarbeiten"
    r"|(?:unterzeichne\w*|unterschreib\w*|unterschrieb\w*) (?:(?:einen|ein|den|das|neuen|neues|langfristigen)"
    r" )*(?:Vertrag|Abkommen|Liefervertrag) mit (?:der |dem |den )?X{2,}"
    r"|(?:schlie(?:ß|ss)(?:t|en)|schlossen|schloss) (?:(?:einen|den|neuen|langfristigen) )*(?:Vertrag|Abkommen)"
    r" mit (?:der |dem |den )?X{2,}(?: [\w.&-]+){0,3}? ab\b"
    r"|arbeite[nt]? (?:[\w-]+ ){0,8}?zusammen|Allianz",
}
# Swedish, Danish and Norwegian, with a verb of signing, starting or widening: "Volvo Buses tecknar
# avtal med CATL", "inleder samarbete med Luminar"; not a labour agreement's "avtal" without one, nor
# "leverer flere biler enn Tesla" (delivers more cars than Tesla)
NORDIC = {
    "ended": r"(?:avslutar|avslutat|avslutter|afslutter|bryter|säger upp|sagt upp|opsiger|sier opp) (?:\w+ ){0,2}?"
             r"(?:samarbet\w*|samarbejd\w*|samarbeid\w*|avtal\w*|aftale\w*|avtale\w*)|bryter med X{2,}",
    "mou": r"samförståndsavtal\w*|avsiktsförklaring\w*|hensigtserklæring\w*|intensjonsavtale\w*",
    "talks": r"(?:förhandlar|förhandlingar|forhandler|forhandlinger) med",
    "partnership": r"(?:tecknar|tecknat|tecknade|ingår|ingått|indgår|indgået|inngår|inngått|signerar|signerat"
                   r"|undertecknar|undertecknat) (?:\w+ ){0,3}?(?:avtal\w*|aftale\w*|avtale\w*)"
                   # not with a trade union: "tecknat ett nytt avtal med facket"
                   r"(?! med (?:facket|fack\w*|if metall|unionen|fagforening\w*|\w+forbund\w*))"
                   r"|(?:inleder|inlett|utökar|fördjupar|indleder|udvider|innleder|utvider) (?:\w+ ){0,2}?"
                   r"(?:samarbet\w*|samarbejd\w*|samarbeid\w*)|samarbetsavtal\w*|samarbejdsaftale\w*|samarbeidsavtale\w*",
    "supply": r"(?:levererar|leverer) (?!fler|flere|rekord)(?:[\w-]+ ){0,3}?(?:till|til)\b",
}
# Dutch ("Toyota en Nvidia slaan de handen ineen", "verdubbelt belang in Momenta", "levert 1.500 auto's
# aan Uber-chauffeurs") and Czech ("spolupráce", "kupuje vývojové centrum", "bude dodávat baterie").
DUTCH = {
    "ended": r"(?:beëindigt|beeindigt|stopt met|verbreekt) (?:de |het |haar |zijn )?(?:samenwerking|contract"
    r"|overeenkomst|partnerschap)",
    "talks": r"in gesprek met|gesprekken met|onderhandel\w*",
    "mou": r"intentieverklaring|memorandum van overeenstemming",
    # (a stake taken, not a market's share: "Tesla verliest aandeel in Europa")
    "stake": r"(?:neemt|nam|verwerft|koopt|kocht|vergroot|verhoogt|verdubbelt|verkoopt|houdt)(?: een| zijn| haar| het)?"
    r" (?:[\w-]+ )?belang in",
    "acquisition": r"overname van (?:het |de )?X{2,}|(?:overgenomen|overneemt) door X{2,}"
    r"|neemt (?!(?:de|het) (?:leiding|stokje|plaats|koppositie|rol)\b)(?:[\w-]+ ){0,3}?over\b",
    "investment": r"investeert|investering",
    "partnership": r"slaan de handen ineen|samenwerking|werken samen|gaan samenwerken|partnerschap"
    r"|sluit(?:en)? (?:een )?(?:deal|overeenkomst|contract) met|werk(?:t|en) (?:[\w-]+ )?samen",
}
DUTCH_WEAK = {
    # (not a contribution nor a comparison: "levert een bijdrage aan", "levert meer auto's aan Europa dan")
    "supply": r"lever(?:t|en|de|den) (?!een (?:[\w-]+ )?bijdrage|meer\b|minder\b)(?:[\w'’.,-]+ ){0,4}?aan\b",
}
CZECH = {
    "ended": r"(?:ukonču(?:je|jí)|ukončil[aiy]?|ukončí) (?:[\w-]+ ){0,2}?(?:spoluprác\w*|smlouv\w*|partnerstv\w*)",
    "talks": r"jedn(?:á|ají) s|jednání s|vyjednáv\w+",
    "stake": r"(?:získá|získal[aiy]?|koupí|koupil[aiy]?|navýší|navyšuje|drží) (?:[\w-]+ ){0,2}?podíl",
    "acquisition": r"(?:kupuje|koupí|koupil[aiy]?|převezme|převzal[aiy]?) (?:[\w-]+ ){0,3}?(?:centrum|firmu|společnost"
    r"|divizi|podnik|start-?up|výrobce)|akvizic\w+",
    "investment": r"investuje|investic\w+",
    "partnership": r"spoluprác\w+|spolupracuj\w+|podepsal\w* (?:[\w-]+ ){0,3}?smlouv\w+",
}
CZECH_WEAK = {
    "supply": r"dodáv(?:at|á|ají)|dodá\b|dodají",  # (not "dodávky", deliveries or vans)
}
# Hindi and Arabic (written without capitals; matched as they are, like Chinese): "ने Qualcomm के साथ
# करार किया" (signed an agreement with), "اتفاقية" (agreement), "شراكة" (partnership). Not करारा
# (sharp), "कोई समझौता नहीं" (no compromise), shares bought (शेयरों में निवेश), the supply chain
# (आपूर्ति श्रृंखला, سلاسل التوريد), a public investment fund (صندوق الاستثمار) or the Gulf
# Cooperation Council (مجلس التعاون).
HINDI_ARABIC = {
    "mou": r"समझौता ज्ञापन|مذكرة تفاهم",
    "partnership": r"करार(?![ाी])|साझेदारी|(?<!कोई )समझौत(?!ा नहीं)|गठजोड़|اتفاقي|شراك|(?<!مجلس ال)تعاون",
    "supply": r"आपूर्ति(?! श्रृंखला| संकट)|(?<!سلاسل ال)(?<!سلسلة ال)توريد",
    "investment": r"(?<!शेयर में )(?<!शेयरों में )निवेश(?! करें| की योजना नहीं| से पहले)|(?<!صندوق ال)استثمار",
}
# Korean ("현대차, 엔비디아와 자율주행 협력 확대", "기아, 삼성전자와 업무협약 체결"): no spaces between a
# word and its particles ("협력을", "공급하기로"), so matched anywhere, like Chinese.
KOREAN = {
    "ended": r"결별|협력 종료|제휴 종료|계약 해지|합작 해소|합작 청산(?!설| 아닌)",
    "talks": r"협상|협의 중|논의 중",
    "mou": r"업무협약|양해각서",
    "joint-venture": r"합작|조인트벤처",
    "stake": r"지분",
    "acquisition": r"인수(?!위)|인수합병",
    # not 투자자 (investors), 투자의견 (an analyst's rating), 투자심리 (sentiment)
    "investment": r"투자(?!자|\s?의견|심리|증권)",
    "licensing": r"라이선스|라이센스",
    # not 공급망 (the supply chain); 위탁생산: made under contract ("칩 위탁생산 계약")
    "supply": r"공급(?!망)|탑재|채택|납품|위탁\s?생산",
    # 계약 체결: a contract signed
    "partnership": r"협력|제휴|파트너십|동맹|손잡|맞손|협업|공동 개발|공동개발|계약을?\s?체결",
}
# Thai ("Changan จับมือ CATL ตั้งโรงงานแบตเตอรี่ร่วมทุน"): no spaces between words, so matched
# anywhere, like Chinese. Not ยุติการผลิต (ending production): an ended deal names the deal.
THAI = {
    "ended": r"ยุติความร่วมมือ|ยกเลิกสัญญา|ยุติสัญญา",
    "mou": r"(?<!ไม่)บันทึกความเข้าใจ|เอ็มโอยู",
    "joint-venture": r"(?<!ไม่)ร่วมทุน|กิจการร่วมค้า",
    "acquisition": r"ซื้อกิจการ|เข้าซื้อหุ้น",
    "supply": r"จัดหาแบตเตอรี่|ป้อนแบตเตอรี่|ส่งมอบรถ",
    "partnership": r"(?<!ไม่)(?:จับมือ|ลงนาม|ร่วมมือ)",  # not after ไม่ (not), as in ยังไม่ลงนาม (not yet signed)
}
# The config lists French and Spanish feeds' languages too: "Renault s'allie à WeRide", "DiDi se
# alía con BYD". Not "accord": that is also Honda's sedan.
ROMANCE = {
    "ended": r"met(?:tent)? fin|mettre fin|pone[n]? fin|poner fin|rompt|rompent|rompe[n]?|rompue?s?|punto final",
    "talks": r"pourparlers|en (?:n[ée]gociations?|discussions?)|n[ée]goci(?:e|ent|ation\w*)|negociaci[óo]n\w*"
    r"|negocia[n]?|en conversaciones",
    # and Portuguese: "Volkswagen do Brasil assina memorando com Google Cloud", "fecha parceria com"
    "mou": r"protocole d['’]accord|lettre d['’]intention|memorando de entendimiento|carta de intenci[óo]n"
    r"|memorandos? de entendimentos?|assina(?:m|ram|ou)? (?:um )?memorando|carta de inten[çc][ãa]o",
    "joint-venture": r"co-?entreprises?|entreprises? communes?|empresas? conjuntas?|empresas? mixtas?"
    # owned in equal parts (not a market shared: "se reparte a partes iguales entre CATL y BYD")
    r"|(?<!reparte )(?<!reparten )(?<!divide )(?<!dividen )(?<!dividem )(?<!partage )(?<!partagent )"
    r"(?:a partes iguales|em partes iguais|à parts égales)",
    # (not a permit: "licenciamento ambiental")
    "licensing": r"(?:acuerdos?|contratos?|acordos?) de licen(?:cia|ça|ca)(?:miento|mento)?|accords? de licence"
    r"|licenciar[áa]n?",
    "stake": r"prise de participation|participaci[óo]n (?:minoritaria|mayoritaria|accionarial)"
    r"|participa[çc][ãa]o (?:minorit[áa]ria|majorit[áa]ria|acion[áa]ria)",
    "acquisition": r"rach[eè]te\w*|rachat|adquier\w+|adquisici[óo]n|adquire\w*|aquisi[çc][ãa]o"
    # a business sold to another company: "Stellantis cède Free2Move à Uber"
    r"|c[èe]de(?:nt|ra|ront)? (?:[\w'’-]+ ){0,2}?X{2,} à X{2,}"
    # a business bought: "para comprar a operação de car sharing da Free2Move em Lisboa"
    r"|compr(?:a|ar|ar[áa]|aron|aram|ou|[óo]) (?:a |o |la |el )?(?:opera[çc][ãa]o|operaci[óo]n|unidade?|divis[ãa]o|divisi[óo]n"
    r"|neg[óo]cio|empresa|filial) d(?:e|a|o|el|as|os)\b",  # of something: not "compra la empresa japonesa"
    "investment": r"invierte\w*|invertir[áa]?n?|inversi[óo]n|(?:entra|participa)n? en (?:la|una) ronda(?! final)",
    "partnership": r"s['’]all(?:ie|ient|iera|ieront)|s['’]associ(?:e|ent|era|eront)|partenariats?|coop[ée]ration"
    # not "de acuerdo con" (according to)
    # (not a budget: "El acuerdo de presupuestos de Aragón")
    r"|se al(?:[íi]a|[íi]an|iar[áa]n?)|alianzas?|(?<!de )acuerdos?(?! de presupuestos?)|asociaci[óo]n (?:estrat[ée]gica|con)"
    # Portuguese, not "de acordo com" (according to)
    r"|parcerias?|(?<!de )acordos?|alian[çc]as?"
    # French "accord" signed: "Stellantis et Gotion signent un accord" (as English "signs"; a deal
    # named, "un accord avec", is a weak word, as English "deal")
    r"|(?:sign|conclu|paraph|nou)\w* (?:un |l['’]|cet |le |des |deux )?(?:nouvel )?accords?"
    r"(?! (?:de |d['’])(?:fourniture|approvisionnement))"  # a supply agreement: below
    r"|accords? (?:strat[ée]giques?|de (?:partenariat|coop[ée]ration|collaboration))",
    "supply": r"accords? (?:de |d['’])(?:fourniture|approvisionnement)",
}
# Italian, for Italian feeds (Il Sole 24 Ore, Motori): "Stellantis e CATL, accordo da 4,1 miliardi",
# "Ferrari e IBM firmano una partnership". Not "d'accordo" (agreed), nor the bank Intesa Sanpaolo.
ITALIAN = {
    "ended": r"pone fine|interromp(?:e|ono)",
    "talks": r"trattativ[ae]|negoziati|colloqui|interlocuzion\w+",
    "mou": r"protocollo d['’]intesa|lettera d['’]intenti",
    "joint-venture": r"societ[àa] (?:mista|paritetica)|impresa comune",
    "licensing": r"accord[oi] di licenza",
    "stake": r"(?:acquisisce|rileva|prende|compra|acquista) una (?:quota|partecipazione)"
    # (not a market's share, nor all of it: "prende il 5% del mercato europeo", "rileva il 100% di Cruise")
    r"|(?:acquisisce|rileva|prende|compra|acquista)(?:no)? (?:il|un) (?!100\b)\d+(?:[.,]\d+)? ?%"
    r"(?! (?:del|dei|delle) (?:mercato|vendite|quota))"
    r"|partecipazione (?:di minoranza|di maggioranza)",
    "acquisition": r"acquisi(?:sce|scono|zione|r[àa])",
    # (not a government's programme: "l'accordo di programma")
    "partnership": r"(?<!d['’])accord[oi](?! di programma)|alleanz[ae]|(?:un|l)['’]intesa|collabora(?:no|zione|zioni|re)?"
    r"|si allea(?:no)?|firma(?:no|to)?(?! (?:l['’])?accordo di programma)|sigla(?:no|to)?",
}
# Vietnamese and Indonesian (Malay) feeds: "VinFast chọn nền tảng Snapdragon của Qualcomm", "Mitsubishi
# Motors dan Grab teken pengadaan 2.000 Xforce HEV", "menandatangani kerja sama".
SOUTHEAST_ASIAN = {
    "ended": r"chấm dứt|mengakhiri",  # ends (a deal)
    "mou": r"biên bản ghi nhớ|nota kesepahaman",
    "joint-venture": r"liên doanh|perusahaan patungan",
    "acquisition": r"mua lại|mengakuisisi|akuisisi",
    "investment": r"rót vốn|berinvestasi",
    "supply": r"pengadaan|memasok",
    # (not a trade deal: "Mỹ và Việt Nam ký thỏa thuận thương mại")
    "partnership": r"hợp tác|bắt tay|ký kết|ký thỏa thuận(?! thương mại)|kerja sama|bekerja sama|kemitraan|bermitra"
    r"|menandatangani"
    r"|teken",
}
SOUTHEAST_ASIAN_WEAK = {
    "supply": r"chọn|lựa chọn|sử dụng|trang bị|cung cấp|menggunakan|memilih|pasokan",
    # a trial the companies run together: "Grab, WeRide dan Hyundai uji coba robotaksi di Jakarta"
    # (not a test drive: "Uji coba BYD Seal", "Toyota uji coba mobil hidrogen")
    "partnership": r"X{2,}(?:,? X{2,})*,? (?:dan|bersama) X{2,} (?:[\w.-]+ ){0,2}?(?:mulai |memulai |akan )?uji coba",
}
# Turkish ("Ford Otosan, Google Cloud ile yapay zekâ anlaşması imzaladı") and Polish ("LG Energy
# Solution dostarczy Stellantisowi ogniwa", "podpisał ... umowę"): the words of a signed deal.
# Not what will not be ("iş birliği olmayacak", "nie podpisała umowy"), a supply chain ("tedarik
# zinciri"), the lead taken ("przejmuje prowadzenie") or cars delivered ("dostarcza więcej aut").
_TR_NOT = r"(?! (?:olmayacak|olmadı|yapmayacak|yapılmayacak|yok)\b)"
TURKISH = {
    "mou": r"mutabakat zaptı|niyet mektubu",
    "joint-venture": r"ortak girişim\w*",
    "acquisition": r"satın al(?:dı|acak|ıyor)",
    # "İş Birliği Anlaşması İmzaladı": lower-casing keeps "İ" (its lower case is two characters)
    "partnership": rf"anlaşma(?:sı|yı)? [iİ]mzala(?:dı|yacak|dılar|yacaklar)|[iİ]ş ?birliği\w*{_TR_NOT}|ortaklık\w*{_TR_NOT}",
}
TURKISH_WEAK = {
    "supply": r"kullanacak|tedarik (?:anlaşması|sözleşmesi|edecek|ediyor)|tedarikçi\w*",
}
POLISH = {
    "mou": r"memorand\w+ o porozumieniu|list\w* intencyjn\w+",
    "acquisition": r"(?:przejmuje|przejmie|przejął)(?! (?:prowadzenie|pozycj\w+|inicjatyw\w+|kontrol\w+))|przejęcie",
    "supply": r"umow\w+ na dostaw\w+",
    # (a supply contract signed is the supply's: "podpisał ... umowę na dostawy")
    "partnership": r"(?<!nie )podpisał\w* (?:[\w-]+ ){0,6}?umow\w+(?! na dostaw)|partnerstw\w+|współprac\w+",
}
POLISH_WEAK = {
    "supply": r"(?<!nie )dostarcz(?:y|a|ać|ą)(?! (?:więcej|mniej|rekordow\w+|najwięcej)\b)",
}
# "Volkswagen sceglie Rivian per il software", "fornirà le batterie"
ITALIAN_WEAK = {
    "supply": r"sceglie|scelgono|fornir[àa]|forniranno|fornisc[eo]\w*|fornitur\w+|fornitor[ei]"
    r"|adott(?:a|ano|er[àa])|user[àa]|utilizzer[àa]|equipaggi\w*",
}


def merged(*tables: dict[str, str]) -> dict[str, str]:
    """One extra pattern a kind, from the tables of several languages."""
    return {kind: "|".join(t[kind] for t in tables if kind in t) for kind in DEAL_TYPES
            if any(kind in t for t in tables)}
