"""The vocabulary of deals in English: which words name which deal type.

Kept apart from the matcher (marketwatch.deals) so that a reader adding a wording edits data
here and not logic there. Each table maps a deal type of marketwatch.dealtypes to a regex
alternation: `STRONG` and `WEAK` are English; the tables of other languages live in
marketwatch.deal_words_intl and are merged into them kind by kind (`merged`). Patterns are
matched as whole words against lower-cased text (capitals here are lowered when compiled).
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
GOVERNMENTS = (r"(?:washington|the us\b|the u\.s\.|beijing|brussels|tokyo|the eu\b|the white house|trump|the government"
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
    # (not an antitrust waiting period's: "FTC grants early termination for Uber's Lucid investment")
    r"|(?!(?<=early )termination for\b)terminat\w+(?! of the (?:hart-scott-rodino |hsr )?waiting period)"
    r"|(?<!production )(?<!battery )(?<!metal )(?<!steel )(?<!aluminium )(?<!aluminum )(?<!copper )"
    r"(?<!cell )(?<!factory )(?<!manufacturing )(?<!of )scrap(?:s|ped|ping)?"
    r"(?! (?:from|into|metal|materials?|recycl\w*|yards?|value|rates?|prices?|and|or)\b|[,.;:)])"
    # not a market's trade or bets unwound: "$TSLA $NVDA slide as AI trade unwinds"
    r"|(?<!trade )(?<!trades )(?<!bet )(?<!bets )(?<!positions )(?<!trade is )(?<!trades are )unwind\w*"
    r"|unwound(?! (?:[\w-]+ )?positions)|dissolv\w+"
    r"|dissolution of (?:[\w-]+,? ){0,6}?(?:joint venture|venture|jv|partnership|alliance|tie-up|agreement)"
    r"|pull(?:s|ed|ing)? (?:out|the plug)"
    r"|exit(?:s|ed|ing)?|walk(?:s|ed)? away|wind(?:s|ing)? down"
    # "to wind up the software partnership" (not "wound up picking Nvidia")
    r"|(?:wind(?:s|ing)?|wound) up (?:its |their |the |a )?(?:(?!with )[\w-]+ ){0,3}?(?:partnership|venture|alliance|tie-?up"
    r"|deal|agreement|cooperation|collaboration)|shut(?:s|ting)? down|call(?:s|ed)? off"
    # a government's veto: "Berlin blocks Tencent's stake in Volkswagen software unit Cariad"
    # (the verb alone: "declines to block Toyota's stake" leaves the stake)
    r"|(?:block|prohibit|veto)(?:s|es|ed|ing)?(?= (?:X{2,}(?: X{2,})*['’]s? )?(?:[\w%-]+ ){0,4}?"
    r"(?:stake|deal|investment|takeover|acquisition|merger|venture|tie-?up|purchase)\b)"
    r"|collaps\w+|abandon\w*|sever(?:s|ed|ing|ance)?|divest\w*|fell apart|falls? apart"
    r"|(?:sell|sells|sold|selling) (?:its|their|a|the) (?:remaining )?(?:stake|share|shares)"
    r"|part(?:s|ed)? ways|parting ways|no longer"
    # "GM's decision to stop funding Cruise", "stops supplying Tesla"
    r"|stop(?:s|ped|ping)? (?:funding|investing|supplying|buying|using|working with)"
    # "Ford, SK On and Koc drop plan for battery plant", "pausing the plan ... to build vans with"
    # but not a share price's drop: "Nio shares drop after partnership with Nvidia"
    r"|(?:drop(?:s|ped|ping)?|paus(?:e|es|ed|ing)) (?:its |their |the |a |an )?"
    r"(?:(?!(?:on|after|as|amid|over|following|despite|in|at|to|with|from|by) )[\w-]+ ){0,3}?"
    r"(?:plans?|talks|partnership|venture|deal|project|cooperation|collaboration)",
    "talks": r"in talks|(?:held|holding|hold|enter(?:s|ed)?|advanced|early|early-stage|preliminary) talks"
    r"|talks (?:with|to|on|over|about)|(?<!what )X{2,} (?:(?!not |never )[\w-]+ ){0,2}?(?:is|are|was|were|been) talking (?:to|with) X{2,}(?!['’]s)|negotiat\w+|sound(?:s|ed)? out|approach(?:es|ed)? (?:[\w-]+ )?(?:about|over)"
    r"|seek(?:s|ing)? (?:a |an )?(?:partnership|tie-?up|cooperation|deal|investment|stake|buyer|partner)"
    r"|explor(?:e|es|ed|ing) (?:a |an |the |possible |potential )?(?:partnership|tie-?up|cooperation|collaboration|deal|alliance|joint venture|investment|stake)"
    r"|(?:consider|weigh)(?:s|ed|ing)? (?:a |an )?(?:partnership|tie-?up|deal|investment|stake|buying)|in discussions?"
    # another's product weighed: "Volkswagen weighs Horizon Robotics chips for cars outside China"
    # (by a company, not lawmakers or investors; not one passed over: "weighed Panasonic batteries but chose SK On")
    r"|(?<=XX )(?:is |are |was |has been )?(?:also )?(?:consider|weigh)(?:s|ed|ing)? (?:using |buying |adopting )?"
    r"X{2,}(?:['’]s)? (?:[\w-]+ ){0,2}?(?:chips?|lidars?|sensors?|batter(?:y|ies)|cells|software|platforms?"
    r"|technology|systems?)\b(?![^.;]{0,40}\b(?:but|before|then) (?:\w+ )?(?:chose|picked|went|opted|selected|settled))"
    r"|discuss(?:es|ed|ing)? (?:a |an )?(?:[\w-]+ ){0,3}?(?:partnership|tie-?up|deal|cooperation|investment|supplying|investing)"
    r"|close to a deal|nearing a deal",
    "mou": r"memorand(?:um|a)(?: of understanding)?|MoUs?|MOUs?|letters? of intent|LOI|framework agreement"
    r"|strategic cooperation agreement|non-binding agreement|preliminary agreement",
    "joint-venture": rf"{_PCT} (?:owned )?by [\w&. ]{{1,40}}? and {_PCT} by|each (?:own|hold|take)\w* (?:a )?(?:50\s?%|half)"
    r"|joint[- ]ventures?|JVs?|joint (?:[\w-]+ ){0,2}(?:company|plant|factory|gigafactory)|jointly[- ]owned|equally owned|co-owned"
    r"|50[-:/ ]50|co-?found(?:ed|s)?",
    # (not an idiom: "raised the stakes in China's smart-driving race", "the stakes are high", "high-stakes")
    "stake": r"stake(?!s)|s(?<!raise the s)(?<!raises the s)(?<!raised the s)(?<!raising the s)(?<!upped the s)"
    r"(?<!ups the s)(?<!high s)(?<!high-s)(?<!higher s)takes(?! (?:are|were) (?:high|higher|huge|enormous|rising)\b)"
    r"(?! (?:could|can)(?:n['’]t|not)? be (?:higher|greater|bigger)\b)"
    r"|equity (?:investment|interest|deal|ownership)|shareholding|minority interest|shares in"
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
    # "Hyundai to take full control of Motional, buying out remaining shares"
    r"|tak(?:e|es|ing|en) (?:full|total|sole|complete|100%) control of (?:X{2,}|(?:the|its|their) (?:[\w-]+ ){0,2}?(?:joint venture|venture|unit|business))|tak(?:e|es|ing|en) X{2,} private"
    r"|buy(?:s|ing)? out (?:the )?(?:remaining|rest|minority|its partner)"
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
    # shareholders ("Toyota investors cheer Nvidia results"); nor an agency's name ("the Board of
    # Investment signed separate MoUs")
    # (the first letter outside the lookbehinds, for `marketwatch.alternation` to group it under "i")
    "investment": r"i(?<!board of i)(?<!ministry of i)nvest(?!igat|ors?\b)\w*|i(?:(?<=its i)|(?<=their i)|(?<=among i)|(?<=as i)|(?<=new i)"
    r"|(?<=strategic i)|(?<=lead i)|(?<=anchor i)|(?<=other i)|(?<=existing i)|(?<=an i))nvestors?"
    rf"|commit(?:s|ted|ting)? {_MONEY}|funding|financing round|series [a-f]\b"
    # "Toyota pours another $150 million into May Mobility", "ploughed $1bn into"
    # (a company's money into one company: not "Investors pour $2 billion into Tesla, Nvidia stocks")
    rf"|X{{2,}} (?:pour|plough|plow|sink|pump)(?:s|ed|ing)? (?:another |a further |an additional |an extra )?{_MONEY}"
    r"\s?(?:[mb]n?|million|billion)? (?:more )?into X{2,}(?!,| and| &| shares| stocks?)"
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
    r"|[\d.,]+ ?(?:million|billion|bn))(?: (?:yuan|dollars|euros|yen|won|rupees|pounds))? into"
    # ... or into what it is: "puts another $250 million into air-taxi maker Joby"
    r" (?:(?:the |an? )?(?!(?:near|next|beside|by|as|at|in|for|with|to|after)\b)[\w-]+ ){0,3}?X{2,}(?!-)",
    # not a licence to drive or to trade: "licensed taxis", "licence plates", "a driving licence"
    # ("licenses driver-monitoring software to Ford", "a self-driving licensing deal" are licensing)
    # (not who a company is: "a patent suit brought by a Texas licensing company")
    "licensing": r"licen[cs]ing(?! (?:company|companies|firm|firms|entity|entities|outfit))|licen[cs]ors?|licen[cs]ees?|royalt\w+"
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
    r" (?:an? |the )?(?:[\d$€£¥][\w,.$€£¥-]*(?: (?:million|billion|bn))?(?:-[\w-]+)? )?"  # "lands a 20,000-vehicle Uber order"
    r"X{2,}(?: X{2,})*(?:['’]s?)? (?:[\w-]+ ){0,3}?(?:orders?|contracts?)\b"
    # a fleet bought: "Uber has agreed to buy 20,000 Rivian R2-based vehicles" (not shares: "agreed to buy
    # 10 million shares", "$150 million of shares")
    r"|(?<!not )agree(?:d|s)? to (?:buy|purchase|order) (?:up to |about |more than |nearly |some |another )?"
    r"\d[\d,.]*(?![,.]?\d)(?: more)?(?! ?%| per ?cent| (?:million |billion |bn )?(?:shares|adss|stock|of)\b)"
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
    # "signed a new agreement with Harman for the supply of redesigned head units"
    r"|(?:pacts?|deals?|agreements?|contracts?) (?:with X{2,} )?(?:for|on|covering) the supply of"
    # an agreement to take the other's product: "said it had agreed with Google to adopt Android
    # Automotive", strong even where a headline about earnings damps "adopt"
    r"|agree(?:s|d)? with X{2,}(?:['’]s)? (?:[\w.-]+ ){0,3}?to (?:adopt|use|deploy|install|integrate|buy|source)\b",
    "partnership": r"partner\w*|collaborat\w+|co-?operat\w+|team(?:s|ed|ing)? (?:up|with)|team-up|tie[- ]?ups?|ti(?:e|es|ed|ing) up"
    r"|join(?:s|ed|ing)? (?:forces|hands)|alliances?|agreements?|pacts?|ink(?:s|ed|ing)?"
    # (not a lease's terms: "$299 a month with $3,999 due at signing")
    r"|sign(?:ed|ing(?<!due at signing))"
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
    # (not a talk delivered: "will deliver a keynote at the APEC CEO Summit")
    "supply": r"suppl(?:y|ies|ied|ying)|suppliers? (?:to|for|of)|orders|ordered|order for"
    r"|deliver(?:s|ed|ing|y)?(?! (?:a |an |the |his |her |its |their )?(?:keynote|speech|address|talk|presentation"
    r"|remarks|lecture)s?\b)"
    # (nor a count of its own cars: "BYD delivered 420,000 vehicles, Li Auto 52,000 and XPeng 36,000", a
    # sales figure; "delivered 5,000 vehicles to Grab" names who took them)
    r"(?! (?:(?:more than|over|about|nearly|almost|some|around|a record|just under|just over) )?[\d][\d,.]*"
    r"(?: ?(?:k|thousand|million|m))? (?:[\w-]+ ){0,2}?(?:vehicles|cars|units|evs|suvs|trucks|sedans)\b(?! (?:to|for)\b))"
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
    # ... or to run another's chip: "its YU9 SUV will run Nvidia's Drive Thor chip" (not software, which
    # may be the carmaker's own: "The cars will run Toyota's Arene software"; nor what runs today:
    # "Samsung runs Nvidia's chips in its data centres")
    r"|(?:will|to) run X{2,}['’]s (?:[\w+-]+ ){0,3}?(?:chips?|socs?|processors?)\b"
    # ... or to ship with it: "the upcoming Q6L e-tron and A5L will ship with Huawei's Qiankun ADS" (a
    # product of a named company's: not "ships with Maersk")
    r"|will ship with X{2,}['’]s\b"
    # "Xiaomi puts Qualcomm chips in its YU7", "will put Nvidia's Thor into its next cars"
    r"|(?:put|puts|putting) X{2,}(?:['’]s)? (?:[\w-]+ ){0,2}?(?:chips?|chipsets?|socs?|processors?|lidars?|sensors?|cells"
    r"|batter(?:y|ies)|software|assistant|platform)s? in(?:to)? (?:its|their|every|all|future|new|next|upcoming"
    # ... in the subject's own products, not someone else's ("in BYD and Xiaomi cars", "in xAI data centres")
    r"|(?:(?!x{2,})[\w,-]+ ){1,3}?(?:models?|cars?|vehicles?|scooters?|motorcycles?|bikes?|evs?|suvs?|trucks?))\b"
    r"|power(?:s|ed|ing)|equip\w*|fitted with|(?:to|will) (?:use|offer|feature|fit)|uses|using|adopt\w*|choos\w+|chose|chosen"
    r"|select\w*|pick(?:s|ed)?|tap(?:s|ped)?|contract\w*"
    # the verb, not who told: "industry sources said", "according to people familiar", "sources close to"
    r"|(?<!industry )(?<!according to )(?<!citing )(?<!unnamed )(?<!anonymous )(?<!other )(?<!several )"
    r"(?<!multiple )(?<!two )(?<!three )sourc\w+(?! (?:said|say|says|told|tell|familiar|close|with knowledge|cited"
    r"|quoted|added|noted|claim\w*)\b)"
    r"|(?:to|will) (?:get|buy)|gets|buys"
    r"|(?:build|builds|built|make|makes|produce|produces|manufactur\w+) .{0,40}? for|built (?:by|for|with)"
    r"|(?:launch|offer|bring|introduc|preview|unveil|debut)\w* .{0,40}? with|run(?:s|ning)? (?:[\w-]+ ){0,2}?on|powered by|based on|built on|build(?:s|ing)? (?:[\w-]+ ){0,4}?on|reli(?:es|ed) on|rely on"
    # "Qualcomm's Snapdragon Ride Pilot debuts in BMW's new iX3": a product making its debut in a company's car
    r"|(?:debut(?:s|ed|ing)?|premier(?:e|es|ed|ing)|makes? its debut) (?:in|on|aboard) (?:the )?X{2,}"
    # "the first motorcycle with Apple CarPlay", "the first carmaker to use Nvidia's Thor"
    r"|first (?:[\w-]+ ){0,2}?(?:cars?|vehicles?|models?|EVs?|SUVs?|sedans?|trucks?|vans?|motorcycles?|bikes?"
    r"|carmakers?|automakers?|brands?) (?:with|to (?:use|get|feature|offer|carry|adopt|run|fit))"
    r"|(?:make|makes|making|build|builds|produce|produces) [\w'’ -]{0,30}?(?:chips?|cells?|batter(?:y|ies)|sensors?|lidars?|modules?|screens?|displays?|semiconductors?)"
    r"|built[- ]in|built into (?:the |its |new |all |every |future |select |upcoming )?(?:[\w-]+ ){0,2}?X{2,}|comes? with|developed (?:by|with)|X{2,}-(?:powered|equipped|built|made|developed|designed)"
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
    r"|leas(?:e|es|ed|ing) (?:up to |about |more than |nearly |some )?\d[\d,.]*(?: million| thousand)?"
    # ... or bought, and an order enlarged: "said it would buy 40,000 more Lucid Gravity SUVs", "Uber Lifts
    # Robotaxi Order", "doubling an order it placed last year" (not an order book, intake or forecast; not a
    # purchase on a condition: "Uber would buy 100,000 Tesla robotaxis if Cybercab succeeds")
    r"|(?:would|will) buy (?:up to |about |more than |nearly |some |another )?\d[\d,.]*(?![,.]?\d)(?: more)?"
    r"(?! ?%| per ?cent| (?:million |billion |bn )?(?:shares|adss|stock|of)\b)(?![^.;]{0,60}\bif\b)"
    r"|(?:lift|rais|increas|doubl|expand|boost|enlarg)(?:e|es|s|ed|ing)? (?:its |an |the |their )?(?:[\w-]+ ){0,2}?"
    r"orders?(?! (?:books?|intake|forecasts?|backlog|guidance|targets?|outlook)\b)",
    # not a government's trade deal: "The deal with Washington relieves Toyota and Sony"
    "partnership": r"deals?(?! with " + GOVERNMENTS + r")|agree(?:s|d)?|together|with the help of|backed"
    # not a stock index, a club or a ranking: "Tesla and Nvidia join S&P 500 top ten", "join the $1 trillion club"
    r"|join(?:s|ed)?(?! (?:the )?(?:s&p|nasdaq|dow|ftse|nikkei|dax|msci|stoxx|hang seng|top (?:ten|10|five|5|20|\d+ list)"
    r"|[\w$.,-]+ (?:trillion|billion)[\w-]* (?:dollar )?club|(?:[\w-]+ )?index))"
    # A social post's collaboration: "Audi x Tencent 🤝 new smart cockpit", "Nio × Tencent"
    r"|X{2,} [x×] X{2,}|🤝"
    # Two masked names as one subject: "Ford and Baidu to test robotaxis", "Uber and WeRide launch"
    r"|X{2,} (?:and|&) X{2,} (?:to |will |plan to |agree to )?(?:jointly )?(?:launch|build|make|develop|produce|form|establish"
    r"|offer|deploy|bring|create|set up|test|explore|research|study|roll out|expand|unveil|debut|show)\w*"
    # (not a list made: "Waymo, BYD and CATL make the cut", "... make Fortune's list"; "make history with
    # China's first driverless highway test" is their test)
    r"(?! (?:the cut|(?:the |a |x{2,}['’]s )?(?:[\w-]+ )?(?:list|ranking)|headlines|gains|losses)\b)"
    # (nor what they made in a past year: "the joint venture Sony and Honda set up in 2022"; not "will launch
    # in 2026")
    r"(?!(?:(?<=set up)|(?<=formed)|(?<=launched)|(?<=created)|(?<=established)) (?:back )?in (?:19|20)\d\d\b)"
    # ... who have begun testing together: "Volkswagen and Uber begin testing ID. Buzz robotaxis" (not
    # "have begun testing investors' patience")
    r"|X{2,} (?:and|&) X{2,} (?:have |has )?(?:begin|begins|began|begun|start|starts|started) (?:jointly )?"
    r"(?:testing|trials?|trialling|trialing|piloting|road[- ]testing)"
    r"(?! (?:investors|markets?|patience|support|resistance|new (?:highs|lows)|lows|highs|their|its)\b)",
}


def merged(*tables: dict[str, str]) -> dict[str, str]:
    """One extra pattern a kind, from the tables of several languages."""
    return {kind: "|".join(t[kind] for t in tables if kind in t) for kind in DEAL_TYPES
            if any(kind in t for t in tables)}
