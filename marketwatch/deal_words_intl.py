"""The vocabulary of deals in languages other than English: which words name which deal type.

Split from marketwatch.deal_words (the English tables) so that a reader adding a language finds
its neighbours in one place. Each table maps a deal type of marketwatch.dealtypes to a regex
alternation, and marketwatch.deals merges them kind by kind (`deal_words.merged`): a
Latin-script `*_WEAK` table with the English `WEAK`, the other Latin-script tables with
`STRONG`, matched as whole words against lower-cased text (capitals here are lowered when
compiled); the Chinese, Japanese, Korean, Thai, Hindi and Arabic tables into one, matched
anywhere, as written.
"""

from __future__ import annotations

from marketwatch.deal_words import GOVERNMENTS

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
    # "Audi apuesta por Mobileye", "Seat confía a Amazon Web Services la nube de su fábrica"
    r"|X{2,} (?:[\w-]+ ){0,2}?(?:apuesta(?:n)? por|conf[íi]a(?:n)? a) X{2,}"
    # Portuguese "usarão a plataforma da Qualcomm" (another company's product), French "a retenu
    # Mobileye pour fournir", "confieront leur aide à la conduite à Mobileye" (not "fournir des
    # données aux régulateurs", "a retenu Renault et Qualcomm parmi les finalistes")
    r"|(?:usar|utilizar|adotar)[ãa]o (?:[\w-]+ ){0,4}?(?:da|do|de) X{2,}|(?:a|ont) retenu X{2,} (?:pour|comme)"
    r"|confi(?:e|ent|era|eront) (?:[\w'’-]+ ){0,4}?à X{2,}"
    # "Renault s'appuie sur Gemini de Google" (relies on), "intégrera" (will integrate), "Cupra
    # integra Alexa de Amazon", "incorpora" (builds in)
    r"|s['’]appui(?:e|ent|era|eront) sur|int[èé]gr(?:e|ent|era|eront)|integra(?:n|r[áa]n?)?|incorpora(?:n|r[áa]n?)?"
    r"|fornece(?:m|r[áa]o?|u)?|fornecedora?s?|fornecimento"
    # an order of a fleet: "Bolt commande 3 000 Peugeot e-208", "encarga 500 taxis"; not one car for
    # a boss's collection, nor an assistant "se commande 2 fois plus vite"
    r"|command(?:e|ent|é|era) (?:jusqu['’]à )?" + _FLEET + r"|encarga(?:n|r[áa]n?)? (?:hasta )?" + _FLEET,
    # "grâce à un accord avec OpenAI"; not "d'accord avec" (agreed) nor "en accord avec" (in line with)
    # ("avec" looked at, not taken: `marketwatch.advice` reads "aucun accord avec" as none)
    "partnership": r"(?<!en )(?<!d['’])accords?(?= avec\b)(?! avec " + GOVERNMENTS + ")",
}
CJK = {
    # ("结束与 Mobileye 合作", a contract "到期不再续约", expired and not renewed)
    "ended": r"终止|解除合作|停止合作|退出|解散|停摆|结束(?=与[^，。；]{0,12}?合作|合作|双方合作)|不再续[约签]",
    "talks": r"谈判|洽谈|商谈|磋商|接洽",
    # (a supply framework agreement is the supply's: "动力电池供货框架协议")
    "mou": r"备忘录|(?<!供货)(?<!供应)(?<!采购)框架协议|意向书|战略合作协议",
    "joint-venture": r"合资|合营",
    "stake": r"入股|持股|股权|股份",
    "acquisition": r"收购|并购",
    "investment": r"投资|注资|融资|领投",
    "licensing": r"授权|许可",
    # not 供应链 (the supply chain), nor 供应商 (a supplier) but where one becomes or is chosen as one
    # ("宁德时代成为理想汽车电池供应商", "宝马选定宁德时代为圆柱电池供应商")
    "supply": r"搭载|采用|供应(?!链|商)|供货|定点|采购框架协议|(?:成为|入选|选定|作为|引入)[^，。；]{0,14}?供应商",
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
    r"|kündig(?:t|en)(?![^.;]*\san\s*(?:[.,;:!?]|$))"
    # "Stellantis und Foxconn lösen Chip-Joint-Venture auf", "die Auflösung" (of a venture), "wird abgewickelt"
    r"|lös(?:t|en) (?:ihre?n? |das |die |den )?[\w-]*(?:Venture|Gemeinschaftsunternehmen|Partnerschaft|Kooperation"
    r"|Allianz|Bündnis)\w* auf",
    # "Porsche prüft Kooperation mit Huawei" (weighs), as "considers a partnership"
    # "Porsche spricht mit Horizon Robotics über Fahrassistenz" (talks with a company, about something)
    "talks": r"Gespr[äa]che?n?|Verhandlungen|verhandel[nt]|X{2,} (?:spricht|sprechen) mit X{2,} über"
    r"|prüf(?:t|en) (?:[\w-]+ ){0,2}?(?:Kooperation|Zusammenarbeit|Partnerschaft|Beteiligung|Einstieg|Übernahme|Allianz)",
    "mou": r"Absichtserkl[äa]rung",
    "joint-venture": r"Gemeinschaftsunternehmens?|Joint[- ]Ventures?",
    # "Uber steigt bei Lucid ein", "ist bei Lucid eingestiegen", "Einstieg bei Wayve" (not "Aktie steigt")
    "stake": r"Beteiligung|beteiligt|Anteile?n?|Minderheitsanteil\w*|Minderheitsbeteiligung\w*"
    # (the verb's "ein" ending its clause: not "Der Absatz steigt bei Tesla um ein Drittel")
    r"|steig(?:t|en) (?:[\w-]+ ){0,4}?beim? (?:[\w-]+ )?X{2,}(?: [\w.-]+){0,6}? ein(?=\s*(?:[.,;:!?–-]|$))|eingestiegen",
    # "Toyota schluckt May Mobility"; not a job ("übernimmt zum 1. Oktober die Verantwortung für
    # Software"), nor a cost ("übernimmt die Kosten")
    "acquisition": r"[üu]bernimmt(?! (?:[\w.-]+ ){0,4}?(?:Verantwortung|Leitung|Führung|Vorsitz|Posten|Ressort|Amt"
    r"|Aufgaben?|Rolle|Kosten|[\w-]*[Pp]osten)\b)|[ÜU]bernahme|kauft|schluck(?:t|en) X{2,}(?![\w-])",
    # "Mercedes-Benz und Toyota zeichnen neue Aktien" (subscribe to new shares)
    "investment": r"investier\w*|Investition\w*|X{2,} zeichne[nt] (?:[\w-]+ ){0,2}?Aktien",
    "licensing": r"Lizenz\w*",
    # (a contract awarded, not a tariff's surcharge: "Zuschlag für Tesla sinkt")
    "supply": r"liefer\w*|Lieferant\w*|Zuschlag (?:für|an) X{2,}(?! (?:sinkt|steigt|fällt|wird|bleibt)\b)"
    # "einen Großauftrag von Toyota erhalten", "Waymo ordert weitere 5.000 Ioniq 5 bei Hyundai"
    # (not one lost, missed or hoped for, nor a study "im Auftrag von Google", commissioned by it)
    r"|G(?<!verliert G)(?<!verpasst G)(?<!auf G)(?<!keinen G)roßauftr[äa]ge?s?|A(?<!im A)uftrag von X{2,}"
    r"|X{2,} (?:order|bestell)(?:t|en) (?:(?!kein)[\w.-]+ ){0,5}?bei X{2,}",
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
             r"(?:samarbet\w*|samarbejd\w*|samarbeid\w*|avtal\w*|aftale\w*|avtale\w*)|bryter med X{2,}"
             # "Ford og SK On opløser joint venturet BlueOval SK" (dissolve)
             r"|(?:opløser|oppløser|upplöser|avvecklar|afvikler|avvikler) (?:\w+ ){0,2}?(?:joint ventur\w*"
             r"|fælles(?:selskab|foretag)\w*|fælles (?:\w+)?selskab\w*|felles(?:selskap|foretak)\w*"
             r"|gemensamma? (?:\w+)?bolag\w*|samägd\w* (?:\w+)?bolag\w*|samarbe\w*)"
             # no longer supplied or used: "vil ikke lenger levere", "slutar leverera"
             r"|(?:ikke|inte) (?:lenger|længere|längre) (?:levere\w*|bruke|bruge|använda)"
             r"|(?:slutar|slutter) (?:å |at |att )?(?:levere\w*|bruke|bruge|använda)",
    # "bildar samägt bolag" (a jointly owned company), "fellesforetaket deres"
    "joint-venture": r"samägd\w* bolag\w*|samägt bolag\w*|fellesforetak\w*|fællesforetag\w*|joint venturet",
    "licensing": r"licens(?:aftale|avtal|avtale)\w*|lisensavtal\w*",
    "mou": r"samförståndsavtal\w*|avsiktsförklaring\w*|hensigtserklæring\w*|intensjonsavtale\w*",
    "talks": r"(?:förhandlar|förhandlingar|forhandler|forhandlinger) (?:med|om)",
    "partnership": r"(?:tecknar|tecknat|tecknade|ingår|ingått|indgår|indgået|inngår|inngått|signerar|signerat"
                   r"|undertecknar|undertecknat|underskriver|underskrevet|underskrev|signerer|signert|signeret|skrivit"
                   r"|skrevet) (?:\w+ ){0,3}?(?:avtal\w*|aftale\w*|avtale\w*)"
                   # not with a trade union: "tecknat ett nytt avtal med facket"
                   r"(?! med (?:facket|fack\w*|if metall|unionen|fagforening\w*|\w+forbund\w*))"
                   r"|(?:inleder|inlett|utökar|fördjupar|indleder|udvider|innleder|utvider) (?:\w+ ){0,2}?"
                   r"(?:samarbet\w*|samarbejd\w*|samarbeid\w*|\w*avtal\w*|\w*aftale\w*|\w*avtale\w*)"
                   r"|samarbetsavtal\w*|samarbejdsaftale\w*|samarbeidsavtale\w*|strategisk\w* partnerska\w*",
    # "ett leveransavtal", "en aftale med Nvidia om levering af", "skal levere 4680-celler til Tesla"
    # (not what it supplies already, as English "already supplies": "leverer i forvejen chips til ... BMW")
    # (to a company: not "levere 5 000 biler til kunder i Norge")
    "supply": r"(?:levererar|leverera|leverer|levere) (?!fler|flere|rekord|i forvejen|allerede|redan|sedan länge"
              r"|sedan tidigare|i dag allerede|idag redan)(?:[\w-]+ ){0,3}?(?:till|til) (?:[\w-]+ ){0,2}?X{2,}"
              r"|leveransavtal\w*|leverings(?:aftale|avtale)\w*|med X{2,} om (?:levering|leverans)\w*",
}
# Dutch ("Toyota en Nvidia slaan de handen ineen", "verdubbelt belang in Momenta", "levert 1.500 auto's
# aan Uber-chauffeurs") and Czech ("spolupráce", "kupuje vývojové centrum", "bude dodávat baterie").
DUTCH = {
    "ended": r"(?:beëindig(?:t|en|de|den)|beeindig(?:t|en)|stop(?:t|pen) met|verbre(?:ekt|ken)) (?:de |het |haar |zijn |hun )?"
    r"(?:gezamenlijke |samenwerking|contract|overeenkomst|partnerschap)",
    "talks": r"in gesprek met|gesprekken met|onderhandel\w*",
    "mou": r"intentieverklaring|memorandum van overeenstemming",
    # (a stake taken, not a market's share: "Tesla verliest aandeel in Europa")
    "stake": r"(?:neemt|nam|verwerft|koopt|kocht|vergroot|verhoogt|verdubbelt|verkoopt|houdt)(?: een| zijn| haar| het)?"
    r" (?:[\w-]+ )?belang in",
    "acquisition": r"overname van (?:het |de )?X{2,}|(?:overgenomen|overneemt) door X{2,}"
    r"|neemt (?!(?:de|het) (?:leiding|stokje|plaats|koppositie|rol)\b)(?:[\w-]+ ){0,3}?over\b",
    "investment": r"investeert|investering",
    # "Peugeot haalt Cerence in huis" (brings in), "De leveringsovereenkomst"
    "supply": r"haal(?:t|en|de) X{2,} in huis|leveringsovereenkomst\w*",
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
    # ("नाता तोड़ा": broke ties; "करार भी खत्म कर दिया": ended the agreement too)
    "ended": r"नाता तोड़|(?:करार|समझौता) (?:भी )?खत्म",
    # (talks with someone, going on: "Panasonic से शुरुआती बातचीत कर रही है"; not a conversation on stage)
    "talks": r"से (?:शुरुआती )?बातचीत (?:कर रह|चल रही|जारी)",
    "licensing": r"लाइसेंस समझौत",
    "mou": r"समझौता ज्ञापन|مذكرة تفاهم",
    "partnership": r"करार(?![ाी])|साझेदारी|(?<!कोई )समझौत(?!ा नहीं)|गठजोड़|اتفاقي|شراك|(?<!مجلس ال)تعاون",
    "supply": r"आपूर्ति(?! श्रृंखला| संकट)|(?<!سلاسل ال)(?<!سلسلة ال)توريد",
    "investment": r"(?<!शेयर में )(?<!शेयरों में )निवेश(?! करें| की योजना नहीं| से पहले)|(?<!صندوق ال)استثمار",
}
# Korean ("현대차, 엔비디아와 자율주행 협력 확대", "기아, 삼성전자와 업무협약 체결"): no spaces between a
# word and its particles ("협력을", "공급하기로"), so matched anywhere, like Chinese.
KOREAN = {
    # (a venture dissolved: "블루오벌SK ... 해산"; a contract ended: "공급계약 해지")
    "ended": r"결별|협력 종료|제휴 종료|계약을?\s?해지|합작 해소|합작 청산(?!설| 아닌)"
    r"|(?:합작|법인|조인트벤처|JV)[^.。]{0,30}?해산(?!물)",
    # (not a union's wage talks: "노사 임금협상 결렬")
    "talks": r"(?<!임금)(?<!임금 )(?<!임단)(?<!임단 )협상|협의 중|논의 중",
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
    # (not a question: "애플, 현대차와 다시 손잡을까")
    "partnership": r"협력|제휴|파트너십|동맹|손잡(?!을까|을지|나\?)|맞손|협업|공동 개발|공동개발|계약을?\s?체결",
}
# Thai ("Changan จับมือ CATL ตั้งโรงงานแบตเตอรี่ร่วมทุน"): no spaces between words, so matched
# anywhere, like Chinese. Not ยุติการผลิต (ending production): an ended deal names the deal.
THAI = {
    "ended": r"ยุติความร่วมมือ|ยกเลิกสัญญา|ยุติสัญญา",
    "licensing": r"(?<!ไม่)(?<!ไม่ได้)(?:ข้อตกลงไลเซนส์|ซื้อสิทธิ์ใช้)",
    "mou": r"(?<!ไม่)บันทึกความเข้าใจ|เอ็มโอยู",
    "joint-venture": r"(?<!ไม่)ร่วมทุน|กิจการร่วมค้า",
    "acquisition": r"ซื้อกิจการ|เข้าซื้อหุ้น",
    # ("เลือกชิป Nvidia": picks chips; "เลือกใช้": chooses to use; not "did not" ไม่ได้, "not yet" ยังไม่ได้)
    "supply": r"จัดหาแบตเตอรี่|ป้อนแบตเตอรี่|ส่งมอบรถ|(?<!ไม่)(?<!ไม่ได้)(?:เลือกใช้|เลือกชิป)",
    # (injects money into, raises capital for a company named: "อัดฉีดเงินเพิ่ม 1 พันล้านดอลลาร์ให้ Motional";
    # not a government's stimulus for an industry)
    "investment": r"(?<!ไม่)(?<!ไม่ได้)(?:อัดฉีดเงิน|เพิ่มทุน)[^\n]{0,40}?ให้(?:แก่)?\s*X{2,}",
    "partnership": r"(?<!ไม่)(?:จับมือ|ลงนาม|ร่วมมือ)",  # not after ไม่ (not), as in ยังไม่ลงนาม (not yet signed)
}
# The config lists French and Spanish feeds' languages too: "Renault s'allie à WeRide", "DiDi se
# alía con BYD". Not "accord": that is also Honda's sedan.
ROMANCE = {
    "ended": r"met(?:tent)? fin|mettre fin|pone[n]? fin|poner fin|rompt|rompent|rompe[n]?|rompue?s?|punto final"
    # a deal's end named: "anunciou o fim do contrato com a Luminar", "la fin du partenariat avec"
    # (announced or made: not "hasta el fin del acuerdo en 2030", "pas la fin du partenariat")
    r"|(?:anunci\w*|annonc\w*|confirm\w*|decret\w*|sell\w*|p(?:õe|one|onen|ôs|us)|met(?:tent)?|mette(?:ra)?|marca\w*)"
    r" (?:o |el |la |le |il |l['’])?(?:fim|fin|fine) (?:do|del|de la|du|della|dell['’]) ?(?:contrato|contrat|contratto|acordo|acuerdo|accord"
    r"|accordo|parceria|partenariat|alianza|alleanza|alian[çc]a|collaborazione|colaboraci[óo]n)"
    # "Volvo Cars ne travaillera plus avec Luminar", "Lotus ya no usará el software de Momenta", "dejará de
    # montar su lidar" (a supplier's product no longer used)
    r"|ne travailler(?:a|ont) plus avec|ne travaille(?:nt)? plus avec"
    # Portuguese: "encerrou o contrato de fornecimento com a Luminar"
    r"|encerr(?:a|am|ou|aram|ará|arão) (?:o |a )?(?:contrato|acordo|parceria)"
    r"|ya no (?:usar[áa]n?|utilizar[áa]n?|montar[áa]n?) (?:[\w-]+ ){0,6}?X{2,}|ya no trabajar[áa]n? con X{2,}"
    r"|dejar[áa]n? de (?:usar|utilizar|montar) (?:[\w-]+ ){0,6}?X{2,}|dejar[áa]n? de trabajar con X{2,}",
    # ... and a deal weighed: "Mercedes-Benz envisagerait d'entrer au capital de Momenta"
    "talks": r"pourparlers|en (?:n[ée]gociations?|discussions?)|n[ée]goci(?:e|ent|ation\w*)|negociaci[óo]n\w*"
    r"|envisag(?:e|ent|erait|eraient) (?:de |d['’])(?:entrer au capital|prendre (?:une participation|le contr[ôo]le)"
    r"|racheter|acqu[ée]rir|investir dans|s['’]allier|nouer un partenariat)"
    r"|negocia[nm]?|negociando|negocia[çc][õo]es|(?<!no est[áa] )(?<!no est[áa]n )en conversaciones|em conversas",
    # and Portuguese: "Volkswagen do Brasil assina memorando com Google Cloud", "fecha parceria com"
    "mou": r"protocole d['’]accord|lettre d['’]intention|memorando de entendimiento|carta de intenci[óo]n"
    r"|X{2,} (?:et X{2,} )?sign\w* (?:un |le )?m[ée]morandum"
    r"|memorandos? de entendimentos?|assina(?:m|ram|ou)? (?:um )?memorando|carta de inten[çc][ãa]o",
    "joint-venture": r"co-?entreprises?|entreprises? communes?|s(?<!pas de s)(?<!aucune s)oci[ée]t[ée]s? communes?"
    r"|empresas? conjuntas?|empresas? mixtas?"
    # owned in equal parts (not a market shared: "se reparte a partes iguales entre CATL y BYD")
    r"|(?<!reparte )(?<!reparten )(?<!divide )(?<!dividen )(?<!dividem )(?<!partage )(?<!partagent )"
    r"(?:a partes iguales|em partes iguais|à parts égales)",
    # (not a permit: "licenciamento ambiental")
    "licensing": r"(?:acuerdos?|contratos?|acordos?) de licen(?:cia|ça|ca)(?:miento|mento)?|accords? de licence"
    # "con tecnología de CATL bajo licencia", "sous licence de CATL" (not a permit: "bajo licencia de la CPUC")
    r"|licenciar[áa]n?|X{2,} (?:bajo licencia|sous licence|sob licen[çc]a)"
    r"|(?:bajo licencia|sous licence|sob licen[çc]a) (?:de |d['’]|da |do )X{2,}",
    # "Renault entre au capital de WeRide", "entra en el capital de WeRide", "Seres prend 10 % de Yinwang"
    "stake": r"prise de participation|participaci[óo]n (?:minoritaria|mayoritaria|accionarial)"
    # "Stellantis adquiere una participación del 5% en Pony.ai" (of a company: not "aumenta su participación
    # del 12% en ventas")
    r"|(?:adquiere|compra|toma)n? una participaci[óo]n del \d+(?:[.,]\d+)? ?% en (?:la |el )?(?:[\w-]+ )?X{2,}"
    # (of a company the config names: not "Hyundai y Samsung entran en el capital de la vasca Ionbask")
    # (not refused: "n'a pas l'intention d'entrer au capital", "n'envisage pas d'entrer")
    r"|e(?<!pas d'e)(?<!pas d’e)(?<!pas de e)(?<!intention d'e)(?<!intention d’e)ntr(?:e|ent|er|era|eront|é|ée)"
    r" (?:[\w-]+ ){0,2}?au capital"
    r" (?:de |d['’]|du )(?:[\w'’-]+ )?X{2,}"
    r"|entr(?:a|an|ar|ará|arán|ó) en el capital de (?:[\w-]+ ){0,2}?X{2,}"
    # (of a company: not "prend 4 % dans le sillage de Nvidia", "prend 5 % du marché chinois")
    r"|prend(?:ra|re|nent)? (?!100\b)\d+(?:[.,]\d+)? ?% (?:de |du |d['’])(?:[\w'’-]+ ){0,2}?X{2,}"
    r"|participa[çc][ãa]o (?:minorit[áa]ria|majorit[áa]ria|acion[áa]ria)"
    # a stake raised or bought: "eleva al 15% su participación en Pony.ai", "compra participação de 3% na
    # Horizon Robotics", "porte à 12 % sa participation dans Archer" (not a share of a market or of sales)
    r"|(?:eleva|aumenta|sube|incrementa|ampl[íi]a|refuerza|adquiere|compra|toma|adquire|amplia|refor[çc]a"
    r"|porte|relève|augmente|renforce|double|prend|acquiert)(?:n|m|nt)? (?:[\w%,.’'-]+ ){0,4}?"
    r"(?:participaci[óo]n|participa[çc][ãa]o|participation)(?: de \d+(?:[.,]\d+)? ?%)? (?:en|na|no|em|dans|au capital)\b"
    r"(?! (?:el |la |o |a |le |les )?(?:mercado|mercato|march[ée]|segmento|setor|sector|secteur)\b)",
    "acquisition": r"rach[eè]te\w*|rachat|adquier\w+|adquisici[óo]n|adquire\w*|aquisi[çc][ãa]o"
    # a business sold to another company: "Stellantis cède Free2Move à Uber"
    r"|c[èe]de(?:nt|ra|ront)? (?:[\w'’-]+ ){0,2}?X{2,} à X{2,}"
    # a business bought: "para comprar a operação de car sharing da Free2Move em Lisboa"
    r"|compr(?:a|ar|ar[áa]|aron|aram|ou|[óo]) (?:a |o |la |el )?(?:opera[çc][ãa]o|operaci[óo]n|unidade?|divis[ãa]o|divisi[óo]n"
    r"|neg[óo]cio|empresa|filial) d(?:e|a|o|el|as|os)\b",  # of something: not "compra la empresa japonesa"
    "investment": r"invierte\w*|invertir[áa]?n?|inversi[óo]n|(?:entra|participa)n? en (?:la|una) ronda(?! final)"
    # a funding round's investors: "une ronda liderada por Mercedes-Benz", "Nissan et Nvidia au tour de table"
    # (of a company the config names: not "Basquevolt cierra una ronda liderada por Stellantis", "au tour de
    # table organisé par Bercy")
    r"|X{2,} (?:[\w-]+ ){0,6}?(?:una |la )?ronda (?:de (?:financiaci[óo]n|inversi[óo]n) )?liderada por"
    r"|au tour de table (?:de |d['’]|du )X{2,}"
    # "Wayve lève 1 milliard de dollars, Nissan et Nvidia au tour de table"
    r"|X{2,} l[èe]ve (?:[\w,.’'-]+ ){0,6}?X{2,} (?:et X{2,} )?au tour de table",
    "partnership": r"s['’]all(?:ie|ient|iera|ieront)|s['’]associ(?:e|ent|era|eront)|partenariats?|coop[ée]ration"
    # not "de acuerdo con" (according to)
    # (not a budget: "El acuerdo de presupuestos de Aragón")
    r"|se al(?:[íi]a|[íi]an|iar[áa]n?)|alianzas?|(?<!de )acuerdos?(?! de presupuestos?)|asociaci[óo]n (?:estrat[ée]gica|con)"
    # "Hyundai y Nvidia unen fuerzas", "Porsche colaborará con OpenAI"
    # (not "que colabora con Nissan", an aside on a partnership that is)
    # (the companies' own: not "Sindicatos de Tesla y Uber unen fuerzas")
    r"|X(?<!de X)X+ y X{2,} un(?:en|ir[áa]n?|ieron) fuerzas|c(?<!que c)olabor(?:ar[áa]n?|ó|aron) con"
    # Portuguese, not "de acordo com" (according to)
    r"|parcerias?|(?<!de )acordos?|alian[çc]as?"
    # French "accord" signed: "Stellantis et Gotion signent un accord" (as English "signs"; a deal
    # named, "un accord avec", is a weak word, as English "deal")
    r"|(?:sign|conclu|paraph|nou)\w* (?:un |l['’]|cet |le |des |deux )?(?:nouvel )?accords?"
    r"(?! (?:de |d['’])(?:fourniture|approvisionnement))"  # a supply agreement: below
    r"|accords? (?:strat[ée]giques?|de (?:partenariat|coop[ée]ration|collaboration))",
    "supply": r"accords? (?:de |d['’])(?:fourniture|approvisionnement)|acuerdos? de suministro|acordos? de fornecimento"
    r"|contratos? de (?:suministro|fornecimento)",
}
# Italian, for Italian feeds (Il Sole 24 Ore, Motori): "Stellantis e CATL, accordo da 4,1 miliardi",
# "Ferrari e IBM firmano una partnership". Not "d'accordo" (agreed), nor the bank Intesa Sanpaolo.
ITALIAN = {
    "ended": r"pone fine|interromp(?:e|ono)",
    "talks": r"trattativ[ae]|negoziati|colloqui|interlocuzion\w+",
    "mou": r"protocollo d['’]intesa|lettera d['’]intenti",
    "joint-venture": r"societ[àa] (?:mista|paritetica)|impresa comune",
    # ... and a licence taken: "Maserati prende in licenza il sistema operativo QNX di BlackBerry"
    "licensing": r"accord[oi] di licenza|(?:prende|prendono|preso|ottiene|ottengono|ottenuto) in licenza",
    # (and done: "ha rilevato una partecipazione di minoranza")
    "stake": r"(?:acquisisce|rileva|prende|compra|acquista|acquisito|rilevato|rilevata|comprato|acquistato|preso)"
    r" una (?:quota|partecipazione)"
    # (not a market's share, nor all of it: "prende il 5% del mercato europeo", "rileva il 100% di Cruise")
    r"|(?:acquisisce|rileva|prende|compra|acquista)(?:no)? (?:il|un) (?!100\b)\d+(?:[.,]\d+)? ?%"
    r"(?! (?:del|dei|delle) (?:mercato|vendite|quota))"
    r"|partecipazione (?:di minoranza|di maggioranza)"
    # a stake raised: "rafforza la quota in Momenta e sale al 6%", "aumenta la partecipazione nel"
    r"|(?:rafforza|aumenta|incrementa|raddoppia|sale al \d+(?:[.,]\d+)? ?% (?:nel|in))(?:no)? "
    r"(?:la |sua |la sua |una )?(?:quota|partecipazione|capitale)(?! (?:di|del|nel) mercato)(?: (?:in|nel|nella|di))?\b",
    # (not a government's programme: "l'accordo di programma")
    "supply": r"accord[oi] di fornitura|contratt[oi] di fornitura",
    # a unit sold outright: "cedere a Qualcomm il 100% di Ampere"
    "acquisition": r"acquisi(?:sce|scono|zione|r[àa])|ced(?:e|ere|erà|ono) a X{2,} il 100 ?%",
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
    # "Toyota membeli tambahan saham Grab" (buys more Grab shares), "Toyota Tambah Porsi Saham di Grab"
    # (a company's, of a company: not investors buying shares, nor its own shares bought back)
    "stake": r"X{2,} (?:membeli|beli|menambah|tambah) (?:tambahan )?(?:porsi )?saham (?:di )?X{2,}",
    "investment": r"rót vốn|berinvestasi",
    # (not trade talks, "Perundingan dagang", "Đàm phán thương mại"; nor talks that led to the deal,
    # "Sau nhiều tháng đàm phán, VinFast ký thỏa thuận")
    "talks": r"(?:berunding|bernegosiasi|perundingan)(?! dagang)|(?<!tháng )(?<!năm )(?<!tuần )đàm phán(?! thương mại)",
    "licensing": r"(?:kesepakatan|perjanjian) lisensi|thỏa thuận cấp phép",
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
    # "Renault obejmuje udziały w WeRide", "kupiło ok. 5 proc. udziałów w" (takes a stake)
    # (not "kupuje stoisko i weźmie udział w targach": takes part in a fair)
    "stake": r"(?:obejmuje|obejmie|objął|objęła|objęło|kupuje|kupi|kupił\w*|nabywa|nabędzie|nabył\w*)"
             r" (?:(?!i |oraz |a )[\w.,-]+ ){0,4}?udział\w* w\b",
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
