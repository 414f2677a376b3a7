"""The demo press room, as plain data: read by ``python manage.py load_demo``.

Everything here is fictional: the coalition, its members, people, emails (example.org) and
phone numbers (the 555-01xx range kept for fiction). Rows refer to each other by slug (media
contacts by name); every release closes with the demo boilerplate of its language. Moments are
fixed, so loading twice stores the same thing.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
NEW_YORK = ZoneInfo("America/New_York")
SAN_SALVADOR = ZoneInfo("America/El_Salvador")
MEXICO_CITY = ZoneInfo("America/Mexico_City")

COALITION_SLUG = "alianza-de-las-americas-demo"

COALITION = {
    "slug": COALITION_SLUG,
    "name": "Alianza de las Américas Demo",
    "short_name": "Alianza Demo",
    "role": "coalition",
    "city": "Chicago",
    "region": "Illinois",
    "country": "United States",
    "website": "https://alianza-demo.example.org/",
    "press_email": "press@example.org",
    "joined_on": date(2004, 9, 1),
    "description": (
        "A transnational network of Latin American migrant-led organizations in the United States, "
        "Mexico and Central America. This is demonstration content: the coalition, its members and "
        "its people are fictional."
    ),
}

SOCIAL_LINKS = [
    {"label": "Bluesky", "url": "https://bsky.app/profile/alianza-demo.example.org"},
    {"label": "Instagram", "url": "https://www.instagram.com/alianza_demo_press_room/"},
    {"label": "YouTube", "url": "https://www.youtube.com/@AlianzaDemoPressRoom"},
]

ORGANIZATIONS = [
    {
        "slug": "centro-comunitario-fuerza-latina",
        "name": "Centro Comunitario Fuerza Latina",
        "short_name": "Fuerza Latina",
        "city": "Chicago",
        "region": "Illinois",
        "joined_on": date(2005, 3, 1),
        "description": (
            "Legal services, English classes and civic engagement for immigrant families on Chicago's Southwest Side."
        ),
    },
    {
        "slug": "casa-de-la-esperanza-del-valle",
        "name": "Casa de la Esperanza del Valle",
        "city": "Los Angeles",
        "region": "California",
        "joined_on": date(2006, 6, 15),
        "description": (
            "A migrant-led community center in the San Fernando Valley, with a shelter for newly arrived families."
        ),
    },
    {
        "slug": "red-de-familias-inmigrantes-de-texas",
        "name": "Red de Familias Inmigrantes de Texas",
        "short_name": "RFIT",
        "city": "Houston",
        "region": "Texas",
        "joined_on": date(2008, 1, 20),
        "description": (
            "A statewide network of parents and youth organizing for fair immigration and education policy."
        ),
    },
    {
        "slug": "union-hondurena-del-noreste",
        "name": "Unión Hondureña del Noreste",
        "city": "New York",
        "region": "New York",
        "joined_on": date(2010, 5, 5),
        "description": (
            "Honduran community organizations in New York and New Jersey, working with TPS holders since 1999."
        ),
    },
    {
        "slug": "coalicion-salvadorena-de-maryland",
        "name": "Coalición Salvadoreña de Maryland",
        "city": "Silver Spring",
        "region": "Maryland",
        "joined_on": date(2009, 11, 1),
        "description": "Salvadoran hometown associations and workers' groups in the Washington, DC area.",
    },
    {
        "slug": "fraternidad-guatemalteca-de-florida",
        "name": "Fraternidad Guatemalteca de Florida",
        "city": "Lake Worth Beach",
        "region": "Florida",
        "joined_on": date(2012, 2, 14),
        "description": "Guatemalan and Maya community organizing, with interpreters in K'iche' and Q'anjob'al.",
    },
    {
        "slug": "carolina-migrant-workers-alliance",
        "name": "Carolina Migrant Workers Alliance",
        "city": "Durham",
        "region": "North Carolina",
        "joined_on": date(2014, 8, 30),
        "description": "Farmworkers and poultry-plant workers organizing for safe jobs and fair wages.",
    },
    {
        "slug": "arizona-border-justice-project",
        "name": "Arizona Border Justice Project",
        "city": "Tucson",
        "region": "Arizona",
        "joined_on": date(2016, 4, 9),
        "description": "Humanitarian aid and human-rights monitoring along the Arizona–Sonora border.",
    },
    {
        "slug": "centro-de-derechos-laborales-del-noroeste",
        "name": "Centro de Derechos Laborales del Noroeste",
        "city": "Portland",
        "region": "Oregon",
        "joined_on": date(2017, 10, 3),
        "description": "A workers' center defending the labor rights of immigrant day laborers and domestic workers.",
    },
    {
        "slug": "fundacion-raices-salvadorenas",
        "name": "Fundación Raíces Salvadoreñas",
        "city": "San Salvador",
        "region": "San Salvador",
        "country": "El Salvador",
        "joined_on": date(2011, 7, 12),
        "description": "Supports returned migrants and families of the disappeared in El Salvador.",
    },
    {
        "slug": "red-mexicana-de-retorno-y-movilidad",
        "name": "Red Mexicana de Retorno y Movilidad",
        "city": "Ciudad de México",
        "region": "Ciudad de México",
        "country": "Mexico",
        "joined_on": date(2015, 3, 21),
        "description": "Shelters and legal clinics for people deported to Mexico and people in transit.",
    },
    {
        "slug": "colectivo-mujeres-del-altiplano",
        "name": "Colectivo Mujeres del Altiplano",
        "city": "Quetzaltenango",
        "region": "Quetzaltenango",
        "country": "Guatemala",
        "joined_on": date(2018, 9, 15),
        "description": "Indigenous women documenting how drought and lost harvests push families to migrate.",
    },
    {
        "slug": "voces-unidas-digital",
        "name": "Voces Unidas Digital",
        "role": "affiliate",
        "city": "Chicago",
        "region": "Illinois",
        "website": "https://voces-unidas.example.org/",
        "joined_on": date(2013, 1, 10),
        "description": (
            "The coalition's digital organizing arm: online campaigns, voter mobilization and rapid response."
        ),
    },
    {
        "slug": "instituto-hemisferico-de-politicas-migratorias",
        "name": "Instituto Hemisférico de Políticas Migratorias",
        "role": "partner",
        "city": "Washington",
        "region": "District of Columbia",
        "website": "https://ihpm.example.org/",
        "description": "An independent research institute on migration policy in the Western Hemisphere.",
    },
]

MEDIA_CONTACTS = [
    {
        "name": "Elisa Paredes",
        "role": "Communications Director",
        "organization": COALITION_SLUG,
        "phone": "+1 503 555 01 29",
        "email": "elisa.paredes@example.org",
        "languages": "English, Spanish",
    },
    {
        "name": "Mariela Núñez",
        "role": "Press Officer",
        "organization": COALITION_SLUG,
        "phone": "(773) 555-0199",
        "email": "mariela.nunez@example.org",
        "languages": "Spanish, English",
    },
    {
        "name": "Press office",
        "organization": COALITION_SLUG,
        "email": "press@example.org",
    },
]
ELISA, MARIELA, PRESS_OFFICE = (contact["name"] for contact in MEDIA_CONTACTS)

SPOKESPEOPLE = [
    {
        "slug": "ruben-castellanos",
        "name": "Rubén Castellanos",
        "title": "Executive Director",
        "organization": COALITION_SLUG,
        "languages": "Spanish, English",
        "bio": (
            "Rubén Castellanos has led the coalition since 2015. Born in Santa Ana, El Salvador, he came to "
            "Chicago in 1989 and has organized with migrant communities for three decades."
        ),
    },
    {
        "slug": "lucia-ferrer",
        "name": "Dr. Lucía Ferrer",
        "title": "Director of Policy and Advocacy",
        "organization": COALITION_SLUG,
        "languages": "English, Spanish, Portuguese",
        "bio": (
            "Lucía Ferrer follows asylum, TPS and regional migration policy. She holds a doctorate in public "
            "policy and taught at a university in Texas before joining the coalition."
        ),
    },
    {
        "slug": "marta-quintanilla",
        "name": "Marta Quintanilla",
        "title": "Directora ejecutiva",
        "organization": "fundacion-raices-salvadorenas",
        "languages": "Spanish",
        "bio": (
            "Marta Quintanilla acompaña a personas retornadas y a familias de migrantes desaparecidos en "
            "El Salvador desde 2008."
        ),
    },
]

TAGS = [
    {"slug": "asylum", "name": "Asylum"},
    {"slug": "tps", "name": "TPS"},
    {"slug": "border", "name": "Border"},
    {"slug": "climate-migration", "name": "Climate migration"},
    {"slug": "elections", "name": "Elections"},
    {"slug": "daca", "name": "DACA"},
    {"slug": "detention-and-deportation", "name": "Detention and deportation"},
    {"slug": "central-america", "name": "Central America"},
    {"slug": "remittances", "name": "Remittances"},
    {"slug": "summit-of-the-americas", "name": "Summit of the Americas"},
    {"slug": "labor-rights", "name": "Labor rights"},
]

BOILERPLATES = [
    {
        "title": "About the coalition (English)",
        "language": "en",
        "is_default": True,
        "text": (
            "<p><strong>Alianza de las Américas Demo</strong> is the transnational advocacy network of Latin "
            "American migrant-led organizations working in the United States, across the Americas and globally "
            "to create an inclusive, equitable and sustainable way of life for communities across North, Central "
            "and South America. The coalition's digital organizing arm is Voces Unidas Digital.</p>"
        ),
    },
    {
        "title": "Acerca de la coalición (español)",
        "language": "es",
        "is_default": True,
        "text": (
            "<p><strong>Alianza de las Américas Demo</strong> es la red transnacional de incidencia de "
            "organizaciones lideradas por migrantes latinoamericanos que trabaja en Estados Unidos, en las "
            "Américas y a nivel global para construir una forma de vida incluyente, equitativa y sostenible para "
            "las comunidades de Norte, Centro y Sudamérica. Su brazo de organización digital es Voces Unidas "
            "Digital.</p>"
        ),
    },
]

LA_DECLARATION_SLUG = "los-angeles-declaration-falls-short-for-asylum-seekers"

RELEASES = [
    {
        "slug": "coalition-launches-campaign-to-protect-tps-holders",
        "kind": "press-release",
        "headline": "Coalition Launches Campaign to Protect TPS Holders from El Salvador and Honduras",
        "subheadline": "Families who have lived in the U.S. for two decades face deportation when their status ends",
        "dateline": "CHICAGO",
        "released_at": datetime(2019, 3, 15, 10, 0, tzinfo=CHICAGO),
        "summary": (
            "Member organizations in nine states launch a campaign for permanent protection for the more than "
            "300,000 people with Temporary Protected Status."
        ),
        "body": (
            "<p>Alianza de las Américas Demo today launched <em>Aquí Estamos</em>, a national campaign calling on "
            "Congress to give permanent residence to the more than 300,000 people from El Salvador and Honduras "
            "who hold Temporary Protected Status (TPS).</p>"
            "<p>Most TPS holders have lived in the United States for more than twenty years. Together they are "
            "parents to some 270,000 U.S.-citizen children, and they work in construction, health care and food "
            "processing in every state.</p>"
            "<blockquote><p>“These are our neighbors, our coworkers and the parents of U.S. citizens. Ending their "
            "protection would tear apart families that have done everything asked of them,” said Rubén "
            "Castellanos, executive director of the coalition.</p></blockquote>"
            "<h2>What the campaign asks</h2>"
            "<ul><li>A vote on legislation giving TPS holders a path to permanent residence.</li>"
            "<li>Automatic extension of work permits while the courts review the terminations.</li>"
            "<li>Consultation with the governments of El Salvador and Honduras on safe conditions for "
            "return.</li></ul>"
            "<p>The campaign begins with town halls in Chicago, Houston, Silver Spring and New York during the "
            "next four weeks.</p>"
        ),
        "tags": ["tps", "central-america"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "statement-on-the-third-country-asylum-rule",
        "kind": "statement",
        "headline": "Statement on the Third-Country Asylum Rule",
        "dateline": "CHICAGO",
        "released_at": datetime(2019, 7, 16, 14, 30, tzinfo=CHICAGO),
        "summary": (
            "The new rule bars from asylum almost everyone who crosses another country on the way to the "
            "southern border; the coalition calls it an end to asylum by regulation."
        ),
        "body": (
            "<p>The administration's interim rule, published yesterday, denies asylum to anyone who passed "
            "through another country without first applying for protection there. For people fleeing Honduras, "
            "Guatemala and El Salvador, that means almost everyone.</p>"
            "<p>“Mexico and Guatemala cannot protect people their own governments cannot protect. This rule "
            "does not manage asylum; it abolishes it for a whole region,” said Dr. Lucía Ferrer, the "
            "coalition's director of policy and advocacy.</p>"
            "<p>The coalition urges Congress to block funding for the rule's enforcement and supports the "
            "legal challenges filed today in federal court.</p>"
        ),
        "tags": ["asylum", "border"],
        "contacts": [PRESS_OFFICE],
        "spokespeople": ["lucia-ferrer"],
    },
    {
        "slug": "media-advisory-families-gather-at-supreme-court-daca",
        "kind": "media-advisory",
        "headline": (
            "Media Advisory: Families and Faith Leaders Gather at the Supreme Court as Justices Hear DACA Case"
        ),
        "timing": "MEDIA ADVISORY",
        "dateline": "WASHINGTON",
        "released_at": datetime(2019, 11, 8, 9, 0, tzinfo=NEW_YORK),
        "summary": "DACA recipients, their parents and clergy hold a vigil and press conference on November 12.",
        "body": (
            "<p>As the Supreme Court hears arguments on the termination of Deferred Action for Childhood "
            "Arrivals (DACA), recipients and their families will hold a vigil and speak to the press.</p>"
            "<h2>WHAT</h2><p>Morning vigil and press conference on the future of DACA.</p>"
            "<h2>WHO</h2><ul><li>Rubén Castellanos, executive director of the coalition</li>"
            "<li>DACA recipients from Texas, Illinois and North Carolina</li>"
            "<li>Faith leaders from the Washington area</li></ul>"
            "<h2>WHEN</h2><p>Tuesday, November 12, 2019, 7:30 a.m. ET (vigil); 9:00 a.m. ET (press conference)</p>"
            "<h2>WHERE</h2><p>Sidewalk in front of the U.S. Supreme Court, 1 First Street NE, Washington, DC</p>"
            "<p>Spokespeople are available for interviews in English and Spanish.</p>"
        ),
        "tags": ["daca"],
        "contacts": [MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "pause-deportations-covid-19-detention",
        "kind": "statement",
        "headline": "A Pause on Deportations Is the Only Safe Response to COVID-19 in Detention",
        "dateline": "CHICAGO",
        "released_at": datetime(2020, 4, 22, 11, 0, tzinfo=CHICAGO),
        "summary": (
            "Deportation flights are carrying the virus to Central America; the coalition asks for an immediate "
            "pause and the release of people in detention."
        ),
        "body": (
            "<p>Governments in Guatemala and El Salvador have confirmed that dozens of people deported from U.S. "
            "detention this month tested positive for COVID-19 on arrival.</p>"
            "<p>“Every deportation flight now risks spreading the virus to countries with a fraction of our "
            "hospital beds. The only responsible choice is to stop them,” said Rubén Castellanos.</p>"
            "<ul><li>Pause all deportation flights for the duration of the public health emergency.</li>"
            "<li>Release people in detention to their families and sponsors, starting with those at high risk.</li>"
            "<li>Publish testing data for every detention center.</li></ul>"
        ),
        "tags": ["detention-and-deportation", "central-america"],
        "contacts": [ELISA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "joint-statement-tps-holders-are-essential",
        "kind": "joint-statement",
        "headline": "Joint Statement: TPS Holders Are Essential Workers, and So Is Their Protection",
        "dateline": "WASHINGTON",
        "released_at": datetime(2020, 9, 15, 12, 0, tzinfo=NEW_YORK),
        "summary": (
            "Six organizations respond to yesterday's appeals court ruling allowing the termination of TPS for "
            "four countries."
        ),
        "body": (
            "<p>We, the undersigned organizations, reject yesterday's decision of the Ninth Circuit Court of "
            "Appeals allowing the government to end Temporary Protected Status for people from El Salvador, "
            "Honduras, Nicaragua and Haiti.</p>"
            "<p>Throughout the pandemic, an estimated 130,000 TPS holders have kept working in hospitals, "
            "grocery stores, meat-packing plants and construction sites. They have been called essential; "
            "their protection is essential too.</p>"
            "<h2>Our demands</h2>"
            "<ul><li>Congress must pass permanent protection for TPS holders this year.</li>"
            "<li>The administration must keep work permits valid while appeals continue.</li>"
            "<li>No TPS holder should be detained or deported during the pandemic.</li></ul>"
            "<p>Our organizations will keep accompanying TPS families in their communities and in court.</p>"
        ),
        "tags": ["tps", "central-america"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos", "marta-quintanilla"],
        "cosigners": [
            COALITION_SLUG,
            "union-hondurena-del-noreste",
            "coalicion-salvadorena-de-maryland",
            "red-de-familias-inmigrantes-de-texas",
            "fundacion-raices-salvadorenas",
            "instituto-hemisferico-de-politicas-migratorias",
        ],
    },
    {
        "slug": "voto-latino-comunidades-migrantes-movilizaron-votantes",
        "kind": "press-release",
        "language": "es",
        "headline": "Comunidades migrantes movilizaron a más de 300,000 votantes latinos",
        "subheadline": (
            "Voces Unidas Digital llamó y escribió a votantes en Arizona, Texas, Florida y Carolina del Norte"
        ),
        "timing": "PARA PUBLICACIÓN INMEDIATA",
        "dateline": "CHICAGO",
        "released_at": datetime(2020, 11, 4, 13, 0, tzinfo=CHICAGO),
        "summary": (
            "La campaña de movilización electoral de la coalición y de Voces Unidas Digital contactó a más de "
            "300,000 votantes latinos en cuatro estados."
        ),
        "body": (
            "<p>Durante los últimos tres meses, 1,200 voluntarios de Alianza de las Américas Demo y de su brazo "
            "digital, Voces Unidas Digital, hicieron más de dos millones de llamadas y mensajes a votantes "
            "latinos en Arizona, Texas, Florida y Carolina del Norte.</p>"
            "<p>Muchos de los voluntarios no pueden votar: son beneficiarios de DACA, personas con TPS o "
            "residentes permanentes que animaron a sus familiares ciudadanos a participar.</p>"
            "<blockquote><p>“Nuestras comunidades demostraron que la participación no depende de tener un "
            "pasaporte. Quien no pudo votar, hizo votar a diez”, dijo Rubén Castellanos, director ejecutivo "
            "de la coalición.</p></blockquote>"
            "<h2>Resultados de la campaña</h2>"
            "<ul><li>312,000 votantes contactados en español e inglés.</li>"
            "<li>48,000 personas recibieron ayuda para encontrar su centro de votación.</li>"
            "<li>Materiales en k'iche' y q'anjob'al para comunidades mayas en Florida.</li></ul>"
        ),
        "tags": ["elections"],
        "contacts": [MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "report-links-drought-lost-harvests-and-migration-in-guatemala",
        "kind": "press-release",
        "headline": "New Report Links Drought, Lost Harvests and Migration in Guatemala's Western Highlands",
        "subheadline": "Indigenous women surveyed 600 households in Quetzaltenango and Huehuetenango",
        "dateline": "CHICAGO",
        "released_at": datetime(2021, 3, 8, 9, 0, tzinfo=CHICAGO),
        "summary": (
            "A report by the Colectivo Mujeres del Altiplano finds that one in three households with a failed "
            "harvest had a member migrate within two years."
        ),
        "body": (
            "<p>On International Women's Day, the Colectivo Mujeres del Altiplano, a member of Alianza de las "
            "Américas Demo, published <em>Sin lluvia no hay maíz</em>, a survey of 600 households in "
            "Guatemala's western highlands.</p>"
            "<p>The report finds that households which lost two consecutive harvests were three times more "
            "likely to have a member migrate, most often a son between 16 and 25 years old.</p>"
            "<h2>Key findings</h2>"
            "<ul><li>71% of households reported a failed harvest since 2018.</li>"
            "<li>34% of those households had a member migrate within two years.</li>"
            "<li>Remittances paid for food in nine out of ten receiving households.</li></ul>"
            "<p>“Climate change is already a cause of migration from Central America. Policies that ignore it "
            "will keep failing,” said Dr. Lucía Ferrer.</p>"
        ),
        "tags": ["climate-migration", "central-america"],
        "contacts": [ELISA],
        "spokespeople": ["lucia-ferrer"],
    },
    {
        "slug": "do-not-come-message-ignores-why-people-migrate",
        "kind": "statement",
        "headline": "“Do Not Come” Message Ignores Why People Migrate",
        "dateline": "CHICAGO",
        "released_at": datetime(2021, 6, 8, 15, 0, tzinfo=CHICAGO),
        "summary": (
            "The coalition responds to the Vice President's remarks in Guatemala City: deterrence has never "
            "stopped people fleeing for their lives."
        ),
        "body": (
            "<p>Speaking in Guatemala City yesterday, the Vice President told people considering the journey "
            "north: “Do not come.”</p>"
            "<p>“People do not leave their homes because of a message. They leave because of hunger, violence "
            "and drought. Telling them not to come, while asylum at the border stays closed, only sends them to "
            "more dangerous routes,” said Rubén Castellanos.</p>"
            "<p>The coalition welcomes new investment in the region, and asks that it be designed with the "
            "communities it is meant to serve, including returned migrants.</p>"
        ),
        "tags": ["central-america", "asylum"],
        "contacts": [PRESS_OFFICE],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "declaracion-conjunta-las-remesas-no-son-politica-de-desarrollo",
        "kind": "joint-statement",
        "language": "es",
        "headline": "Declaración conjunta: las remesas no son una política de desarrollo",
        "timing": "PARA PUBLICACIÓN INMEDIATA",
        "dateline": "SAN SALVADOR",
        "released_at": datetime(2021, 10, 15, 10, 0, tzinfo=SAN_SALVADOR),
        "summary": (
            "Organizaciones de El Salvador, México y Estados Unidos piden a los gobiernos dejar de presentar las "
            "remesas familiares como sustituto de la inversión pública."
        ),
        "body": (
            "<p>Las organizaciones firmantes recordamos que las remesas son el salario de millones de familias "
            "migrantes, no un recurso del Estado.</p>"
            "<p>En 2020, las remesas equivalieron a casi una cuarta parte del producto interno bruto de El "
            "Salvador. Esa cifra no habla de éxito económico: habla de un país que expulsa a su gente.</p>"
            "<h2>Pedimos a los gobiernos de la región</h2>"
            "<ul><li>Reducir el costo de enviar dinero, hoy cercano al 6% de cada envío.</li>"
            "<li>Invertir en salud, educación y empleo digno en las comunidades de origen.</li>"
            "<li>No gravar las remesas ni condicionar su uso.</li></ul>"
            "<p>“Nuestras familias no deberían tener que emigrar para que sus hijos coman”, dijo Marta "
            "Quintanilla, directora ejecutiva de la Fundación Raíces Salvadoreñas.</p>"
        ),
        "tags": ["remittances", "central-america"],
        "contacts": [MARIELA],
        "spokespeople": ["marta-quintanilla"],
        "cosigners": [
            COALITION_SLUG,
            "fundacion-raices-salvadorenas",
            "red-mexicana-de-retorno-y-movilidad",
        ],
    },
    {
        "slug": "joint-statement-to-hemispheric-leaders-summit-of-the-americas",
        "kind": "joint-statement",
        "headline": "Joint Statement to Hemispheric Leaders Ahead of the Summit of the Americas",
        "subheadline": "Migrant-led organizations in five countries ask for a humanitarian approach to migration",
        "dateline": "LOS ANGELES",
        "released_at": datetime(2022, 6, 6, 8, 0, tzinfo=LOS_ANGELES),
        "summary": (
            "Eight organizations ask the leaders gathering in Los Angeles to recognize the positive impact of "
            "migration and to put protection at the center of their plans."
        ),
        "body": (
            "<p>As heads of state gather in Los Angeles for the Ninth Summit of the Americas, we, organizations "
            "led by migrants and their families in the United States, Mexico, Guatemala and El Salvador, urge "
            "them to adopt a bold set of policies on migration.</p>"
            "<blockquote><p>The positive impact of migration has been vast, not only in economic terms. If "
            "policymaking about migration and migrants in the Western Hemisphere were being driven by facts, not "
            "ideology and prejudice, the Americas could be a shining example of visionary, humane and mutually "
            "beneficial policies for all parties involved.</p></blockquote>"
            "<h2>We ask the leaders of the Americas to</h2>"
            "<ul><li>Guarantee access to asylum at every border in the region.</li>"
            "<li>Expand regular pathways, including family reunification and labor mobility with full rights.</li>"
            "<li>Protect people displaced by climate disasters.</li>"
            "<li>Address the inequality that drives migration, with the participation of migrant "
            "communities.</li></ul>"
        ),
        "tags": ["summit-of-the-americas", "asylum", "climate-migration"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos", "lucia-ferrer"],
        "cosigners": [
            COALITION_SLUG,
            "casa-de-la-esperanza-del-valle",
            "centro-comunitario-fuerza-latina",
            "arizona-border-justice-project",
            "fraternidad-guatemalteca-de-florida",
            "fundacion-raices-salvadorenas",
            "red-mexicana-de-retorno-y-movilidad",
            "colectivo-mujeres-del-altiplano",
        ],
    },
    {
        "slug": "media-advisory-peoples-summit-press-conference-los-angeles",
        "kind": "media-advisory",
        "headline": "Media Advisory: Migrant Leaders Hold People's Summit Press Conference in Los Angeles",
        "timing": "MEDIA ADVISORY",
        "dateline": "LOS ANGELES",
        "released_at": datetime(2022, 6, 7, 16, 0, tzinfo=LOS_ANGELES),
        "summary": "Leaders from five countries respond to the Summit of the Americas on June 9 in Boyle Heights.",
        "body": (
            "<p>While presidents meet downtown, migrant leaders from across the hemisphere will present their own "
            "agenda for the Summit of the Americas.</p>"
            "<h2>WHAT</h2><p>Press conference and People's Summit plenary on migration and inequality.</p>"
            "<h2>WHO</h2><ul><li>Rubén Castellanos, executive director, Alianza de las Américas Demo</li>"
            "<li>Marta Quintanilla, Fundación Raíces Salvadoreñas (in Spanish)</li>"
            "<li>Representatives of member organizations from Guatemala, Mexico and the United States</li></ul>"
            "<h2>WHEN</h2><p>Thursday, June 9, 2022, 10:00 a.m. PT</p>"
            "<h2>WHERE</h2><p>Casa de la Esperanza del Valle community hall, Los Angeles (address on request to "
            "accredited press)</p>"
            "<p>Simultaneous interpretation between Spanish and English will be provided.</p>"
        ),
        "tags": ["summit-of-the-americas"],
        "contacts": [MARIELA, PRESS_OFFICE],
        "spokespeople": ["ruben-castellanos", "marta-quintanilla"],
    },
    {
        "slug": LA_DECLARATION_SLUG,
        "kind": "press-release",
        "headline": "Los Angeles Declaration on Migration Falls Short in Strengthening Protections for Asylum Seekers",
        "subheadline": (
            "Summit of the Americas a Missed Opportunity for Addressing the Systemic Inequities Driving Migration"
        ),
        "dateline": "LOS ANGELES",
        "released_at": datetime(2022, 6, 10, 17, 0, tzinfo=LOS_ANGELES),
        "summary": (
            "The declaration signed at the Summit of the Americas does not strengthen access to protection for "
            "asylum seekers at the U.S.-Mexico border, and the summit missed the chance to address the "
            "inequality driving migration."
        ),
        "body": (
            "<p>On June 10, the U.S., Latin American countries, Spain and Canada signed a joint declaration on "
            "migration as the culmination of this week's Summit of the Americas in Los Angeles, committing to "
            "addressing rising migration in the Americas in a comprehensive way. According to Alianza de las "
            "Américas Demo, a coalition of more than 50 migrant-led organizations in 18 states, and its "
            "nationwide digital organizing arm Voces Unidas Digital, the declaration falls short in strengthening "
            "access to protection for asylum seekers at the U.S.-Mexico border. Additionally, the summit overall "
            "appears to have missed a major opportunity to introduce a bold set of policies aimed at addressing "
            "the social inequities driving migration, given that Latin America is the world's most unequal "
            "region.</p>"
            "<p>“This declaration in no way represents a truly new approach on migration in the Americas,” said "
            "Rubén Castellanos, executive director of Alianza de las Américas Demo. “Tens of thousands of people "
            "are living in painful uncertainty at the U.S.-Mexico border, and the U.S. response is to detain and "
            "deport en masse, and fast-track people's asylum applications through a new asylum rule. Where is "
            "the U.S. commitment to uphold due process for asylum seekers through fair and timely proceedings, "
            "and to protect those fleeing violence and climate change disasters? It's not here.”</p>"
            "<p>While there is great focus on the Los Angeles Declaration as one of the primary outcomes of the "
            "summit, the regional conference also missed an opportunity to produce a truly transformative set of "
            "policies aimed at mitigating the deep socioeconomic inequalities driving people to migrate. Latin "
            "America's economic growth rate lags far behind other regions; and as described by the UN in a 2021 "
            "report, “the region is caught in a trap of high inequality and low growth,” creating “a vicious "
            "circle that limits the ability to advance on all fronts of human development,” a context that is "
            "helping drive migration.</p>"
            "<p>“The economic and migration plans unveiled by the President at the summit do not go far enough "
            "in recognizing how migration is a symptom of the much larger problem of social inequity,” said "
            "Castellanos. “Citizens across the Americas are not guaranteed access to education, healthcare, clean "
            "water, housing, security and justice. This leaves too many with little better choice except to "
            "migrate in order to have a shot at a dignified life. We're just fooling ourselves if we're trying "
            "to address migration without addressing the root problem of social inequality.”</p>"
            "<p>In a joint statement released earlier this week, the coalition urged hemispheric leaders to "
            "introduce a bold set of policies that recognize the hugely positive impact that migration and "
            "migrants have had in the countries of destination and origin, and to emphasize a humanitarian focus "
            "in addressing migration challenges.</p>"
            "<blockquote><p>“The positive impact of migration has been vast, not only in economic terms… If "
            "policymaking about migration and migrants in the Western Hemisphere were being driven by facts, not "
            "ideology and prejudice, the Americas could be a shining example of visionary, humane, and mutually "
            "beneficial policies for all parties involved,” the coalition said.</p></blockquote>"
        ),
        "tags": ["summit-of-the-americas", "asylum", "border"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "declaracion-de-los-angeles-se-queda-corta-solicitantes-de-asilo",
        "kind": "press-release",
        "language": "es",
        "translation_of": LA_DECLARATION_SLUG,
        "headline": (
            "La Declaración de Los Ángeles sobre Migración se queda corta en la protección de solicitantes de asilo"
        ),
        "subheadline": (
            "La Cumbre de las Américas desaprovechó la oportunidad de atender las desigualdades que causan la "
            "migración"
        ),
        "timing": "PARA PUBLICACIÓN INMEDIATA",
        "dateline": "LOS ÁNGELES",
        "released_at": datetime(2022, 6, 10, 17, 0, tzinfo=LOS_ANGELES),
        "summary": (
            "La declaración firmada en la Cumbre de las Américas no fortalece el acceso a la protección para "
            "solicitantes de asilo en la frontera entre México y Estados Unidos."
        ),
        "body": (
            "<p>El 10 de junio, Estados Unidos, países de América Latina, España y Canadá firmaron una "
            "declaración conjunta sobre migración como cierre de la Cumbre de las Américas en Los Ángeles. Según "
            "Alianza de las Américas Demo, coalición de más de 50 organizaciones lideradas por migrantes en 18 "
            "estados, la declaración no fortalece el acceso a la protección para las personas que piden asilo en "
            "la frontera entre México y Estados Unidos.</p>"
            "<p>“Esta declaración no representa de ninguna manera un enfoque verdaderamente nuevo sobre la "
            "migración en las Américas”, dijo Rubén Castellanos, director ejecutivo de la coalición. “Decenas de "
            "miles de personas viven en una dolorosa incertidumbre en la frontera, y la respuesta de Estados "
            "Unidos es detener y deportar de forma masiva.”</p>"
            "<p>La cumbre también desaprovechó la oportunidad de adoptar políticas transformadoras frente a las "
            "profundas desigualdades socioeconómicas que empujan a las personas a migrar, en la región más "
            "desigual del mundo.</p>"
            "<blockquote><p>“Nos estamos engañando si pretendemos atender la migración sin atender el problema de "
            "fondo, que es la desigualdad social”, afirmó Castellanos.</p></blockquote>"
        ),
        "tags": ["summit-of-the-americas", "asylum", "border"],
        "contacts": [MARIELA, ELISA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "end-of-title-42-must-not-mean-end-of-asylum",
        "kind": "statement",
        "headline": "The End of Title 42 Must Not Mean the End of Asylum",
        "dateline": "TUCSON",
        "released_at": datetime(2023, 5, 11, 18, 0, tzinfo=CHICAGO),
        "summary": (
            "As the pandemic-era expulsion policy ends tonight, the coalition warns that the new asylum rule "
            "repeats its worst features."
        ),
        "body": (
            "<p>Title 42 expires at midnight. For three years it allowed the expulsion of people at the border "
            "nearly 2.8 million times without a hearing.</p>"
            "<p>“We welcome the end of Title 42, but the rule that replaces it presumes that most asylum seekers "
            "are ineligible. Protection must not depend on getting an appointment through a smartphone app,” "
            "said Dr. Lucía Ferrer.</p>"
            "<p>Volunteers from the Arizona Border Justice Project will monitor the ports of entry in Nogales "
            "and Lukeville through the weekend.</p>"
        ),
        "tags": ["asylum", "border"],
        "contacts": [ELISA, PRESS_OFFICE],
        "spokespeople": ["lucia-ferrer"],
    },
    {
        "slug": "venezuela-tps-redesignation-brings-relief-but-leaves-thousands-behind",
        "kind": "press-release",
        "headline": "TPS Redesignation for Venezuela Brings Relief, but Leaves Thousands Behind",
        "dateline": "CHICAGO",
        "released_at": datetime(2023, 9, 21, 10, 30, tzinfo=CHICAGO),
        "summary": (
            "Nearly half a million Venezuelans become eligible for TPS; the coalition asks for the same "
            "protection for people from Central America who arrived after 2001."
        ),
        "body": (
            "<p>The Department of Homeland Security yesterday redesignated Venezuela for Temporary Protected "
            "Status, making an estimated 472,000 more people eligible for work permits and protection from "
            "deportation.</p>"
            "<p>Member organizations in Chicago, Houston and New York have opened free clinics to help "
            "applicants with the forms and fees.</p>"
            "<blockquote><p>“This is what a humane and orderly response looks like. Now the administration must "
            "extend the same logic to Hondurans, Salvadorans and Guatemalans who fled the same violence and "
            "disasters,” said Rubén Castellanos.</p></blockquote>"
            "<h2>Free TPS clinics</h2>"
            "<ul><li>Chicago: Centro Comunitario Fuerza Latina, Saturdays</li>"
            "<li>Houston: Red de Familias Inmigrantes de Texas, by appointment</li>"
            "<li>New York: Unión Hondureña del Noreste, weekday evenings</li></ul>"
        ),
        "tags": ["tps"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "aviso-a-medios-foro-binacional-migracion-y-elecciones",
        "kind": "media-advisory",
        "language": "es",
        "headline": "Aviso a medios: foro binacional sobre migración y elecciones en la Ciudad de México",
        "timing": "AVISO A MEDIOS",
        "dateline": "CIUDAD DE MÉXICO",
        "released_at": datetime(2024, 3, 19, 9, 0, tzinfo=MEXICO_CITY),
        "summary": (
            "Organizaciones migrantes de México y Estados Unidos presentan su agenda ante las elecciones de "
            "2024 en ambos países."
        ),
        "body": (
            "<p>En un año con elecciones presidenciales en México y en Estados Unidos, organizaciones de ambos "
            "lados de la frontera presentarán una agenda común sobre migración.</p>"
            "<h2>QUÉ</h2><p>Foro binacional y conferencia de prensa «Migrar y votar en 2024».</p>"
            "<h2>QUIÉNES</h2><ul><li>Rubén Castellanos, director ejecutivo de Alianza de las Américas Demo</li>"
            "<li>Integrantes de la Red Mexicana de Retorno y Movilidad</li>"
            "<li>Personas deportadas y retornadas que votarán desde el extranjero y en México</li></ul>"
            "<h2>CUÁNDO</h2><p>Jueves 21 de marzo de 2024, 10:00 horas (hora del centro de México)</p>"
            "<h2>DÓNDE</h2><p>Centro Cultural de la Red Mexicana de Retorno y Movilidad, colonia Juárez, Ciudad de "
            "México</p>"
        ),
        "tags": ["elections"],
        "contacts": [MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "after-the-election-our-communities-will-keep-organizing",
        "kind": "statement",
        "headline": "After the Election, Our Communities Will Keep Organizing",
        "dateline": "CHICAGO",
        "released_at": datetime(2024, 11, 6, 12, 0, tzinfo=CHICAGO),
        "summary": (
            "Whatever the next administration plans, migrant communities will defend due process, family unity "
            "and the right to seek asylum."
        ),
        "body": (
            "<p>The results of yesterday's election will bring an administration that has promised mass "
            "deportations. Our member organizations in eighteen states are ready.</p>"
            "<p>“Our families have lived through raids, travel bans and family separation before. We know our "
            "rights, we know our neighbors, and we will keep organizing,” said Rubén Castellanos.</p>"
            "<h2>What comes next</h2>"
            "<ul><li>Know-your-rights sessions in every member community before January.</li>"
            "<li>Family preparedness plans for mixed-status households.</li>"
            "<li>Rapid-response networks with legal observers.</li></ul>"
        ),
        "tags": ["elections", "detention-and-deportation"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos"],
    },
    {
        "slug": "joint-statement-executive-orders-asylum-birthright-citizenship",
        "kind": "joint-statement",
        "headline": "Joint Statement on Executive Orders Targeting Asylum and Birthright Citizenship",
        "dateline": "WASHINGTON",
        "released_at": datetime(2025, 1, 21, 15, 0, tzinfo=NEW_YORK),
        "summary": (
            "Member organizations on both sides of the border condemn orders that close asylum at the border "
            "and challenge the citizenship of U.S.-born children."
        ),
        "body": (
            "<p>We condemn the executive orders signed yesterday that suspend access to asylum at the southern "
            "border and seek to deny citizenship to children born in the United States to immigrant parents.</p>"
            "<p>The Fourteenth Amendment is clear, and the right to seek asylum is recognized in U.S. and "
            "international law. Neither can be erased by executive order.</p>"
            "<p>Our organizations will support the legal challenges already filed and will keep accompanying "
            "families on both sides of the border.</p>"
        ),
        "tags": ["asylum", "border"],
        "contacts": [PRESS_OFFICE],
        "spokespeople": ["lucia-ferrer"],
        "cosigners": [
            COALITION_SLUG,
            "arizona-border-justice-project",
            "red-mexicana-de-retorno-y-movilidad",
            "centro-de-derechos-laborales-del-noroeste",
        ],
    },
    {
        "slug": "protection-for-people-displaced-by-climate-disasters",
        "kind": "press-release",
        "headline": "Coalition Calls for Protection for People Displaced by Climate Disasters",
        "subheadline": "At the height of hurricane season, no U.S. law protects people who flee floods and droughts",
        "dateline": "CHICAGO",
        "released_at": datetime(2025, 8, 28, 10, 0, tzinfo=CHICAGO),
        "summary": (
            "The coalition and its partner institute propose a humanitarian status for people whose homes have "
            "been destroyed by hurricanes, floods and drought."
        ),
        "body": (
            "<p>Alianza de las Américas Demo and the Instituto Hemisférico de Políticas Migratorias today "
            "published a proposal for a humanitarian protection status for people displaced by climate "
            "disasters in the Americas.</p>"
            "<p>Current U.S. law offers no protection to people fleeing the effects of climate change unless "
            "their country is designated for TPS after a single sudden disaster.</p>"
            "<blockquote><p>“Drought in the Dry Corridor is slower than a hurricane, but it empties villages just "
            "the same. Our laws must recognize both,” said Dr. Lucía Ferrer.</p></blockquote>"
            "<h2>The proposal</h2>"
            "<ul><li>A humanitarian status for people displaced by sudden and slow-onset disasters.</li>"
            "<li>Regional agreements for labor mobility from the most affected areas.</li>"
            "<li>Funding for adaptation chosen by affected communities.</li></ul>"
        ),
        "tags": ["climate-migration", "central-america"],
        "contacts": [ELISA],
        "spokespeople": ["lucia-ferrer"],
    },
    {
        "slug": "four-years-after-los-angeles-declaration-protection-gaps-remain",
        "kind": "press-release",
        "headline": "Four Years After the Los Angeles Declaration, Protection Gaps Remain",
        "dateline": "CHICAGO",
        "released_at": datetime(2026, 6, 10, 9, 0, tzinfo=CHICAGO),
        "summary": (
            "Four years on, the coalition finds that few commitments of the Los Angeles Declaration on "
            "Migration and Protection have been kept."
        ),
        "body": (
            "<p>Four years after 21 governments signed the Los Angeles Declaration on Migration and Protection, "
            "a review by Alianza de las Américas Demo finds that access to asylum has narrowed across the "
            "region.</p>"
            "<h2>What changed since 2022</h2>"
            "<ul><li>Regular pathways opened in 2023 have since been closed or suspended.</li>"
            "<li>Detention capacity in the United States has more than doubled.</li>"
            "<li>No signatory has adopted protection for people displaced by climate disasters.</li></ul>"
            "<p>“The declaration promised shared responsibility. What we have seen instead is shared "
            "enforcement,” said Rubén Castellanos.</p>"
            "<p>Marta Quintanilla, of the Fundación Raíces Salvadoreñas, is available for interviews in Spanish "
            "on the situation of people deported to El Salvador.</p>"
        ),
        "tags": ["summit-of-the-americas", "asylum"],
        "contacts": [ELISA, MARIELA],
        "spokespeople": ["ruben-castellanos", "marta-quintanilla"],
    },
    {
        "slug": "draft-year-end-statement-on-asylum-protections",
        "kind": "statement",
        "status": "draft",
        "headline": "Draft: Year-End Statement on Asylum Protections",
        "dateline": "CHICAGO",
        "released_at": datetime(2026, 11, 20, 10, 0, tzinfo=CHICAGO),
        "summary": "Work in progress: the coalition's review of asylum policy in 2026. Not for publication.",
        "body": (
            "<p>This draft is still being written. It stays hidden from the public site until an editor "
            "publishes it.</p>"
            "<p>Points to cover: the asylum backlog, detention numbers and the situation at the border.</p>"
        ),
        "tags": ["asylum"],
        "contacts": [PRESS_OFFICE],
        "spokespeople": ["lucia-ferrer"],
    },
]
