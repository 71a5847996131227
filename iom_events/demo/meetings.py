"""The reference meetings of the demo data: the Global RCP meeting, Bangkok, 4-5 June 2009
(seed 002), and BAPA+40, Buenos Aires, 20-22 March 2019, with its two side events (seed 003).

The French texts come from the seeds (/work/shared/seeds/); English and Spanish are
translations. Nothing here goes beyond the seeds: no times of day, no venues. The seed gives
no day for the side event on migration governance: it carries the conference's days, marked
`day_unknown` ("during the conference"), never one invented day.

Roles are the seeds' words: "Organisée par le Gouvernement royal thaïlandais en collaboration
avec l'OIM", "coprésidée par des représentants du Ministère thaïlandais des affaires étrangères
et de l'OIM" (002); "L'OIM a participé à deux événements parallèles et à la principale session
plénière", "organisé par le gouvernement d'Equateur et soutenu à la fois par l'OIM et le HCR"
(003). No IOM office or division is named as organizer: IOM Argentina is only the office of
the press contacts ("veuillez contacter l'OIM Argentine").

`reproduction_of` names the seed page each meeting reproduces; the seed files carry no address
of their own, so the file is named.
"""

from datetime import date

IOM = {
    "en": "International Organization for Migration (IOM)",
    "fr": "Organisation internationale pour les migrations (OIM)",
    "es": "Organización Internacional para las Migraciones (OIM)",
}
SEED_RCP = "002_74333b11524d335f.txt"
SEED_BAPA = "003_1eaf76f4436fe2fb.txt"

MEETINGS: list[dict] = [
    {
        "slug": "rcp-bangkok-2009",
        "kind": "rcp_meeting",
        "original_language": "fr",
        "title": {
            "en": (
                "Global Meeting of Chairs and Secretariats of Regional Consultative Processes on "
                "Migration (RCPs)"
            ),
            "fr": (
                "Réunion mondiale des présidents et secrétariats des processus consultatifs "
                "régionaux sur la migration (PCR)"
            ),
            "es": (
                "Reunión mundial de presidentes y secretarías de los procesos consultivos "
                "regionales sobre migración (PCR)"
            ),
        },
        "summary": {
            "en": (
                "Organized by the Royal Thai Government in collaboration with IOM, the meeting "
                "brought together representatives of the world’s main RCPs to share experiences "
                "and discuss the usefulness and value of promoting regional dialogue, "
                "capacity-building and cooperation on migration issues within the framework of "
                "RCPs."
            ),
            "fr": (
                "Organisée par le Gouvernement royal thaïlandais en collaboration avec l’OIM, la "
                "réunion a rassemblé des représentants des principaux PCR du monde pour mettre à "
                "disposition des données d’expérience et débattre de l’utilité et de l’intérêt "
                "d’encourager le dialogue régional, le renforcement des capacités et la "
                "coopération sur les questions migratoires dans le cadre des PCR."
            ),
            "es": (
                "Organizada por el Gobierno Real de Tailandia en colaboración con la OIM, la "
                "reunión congregó a representantes de los principales PCR del mundo para compartir "
                "experiencias y debatir sobre la utilidad y el interés de fomentar el diálogo "
                "regional, el fortalecimiento de capacidades y la cooperación en cuestiones "
                "migratorias en el marco de los PCR."
            ),
        },
        "description": {
            "en": (
                "Organized by the Royal Thai Government in collaboration with the "
                "International Organization for Migration (IOM), the meeting aimed to bring "
                "together representatives of the world’s main RCPs to share experiences and "
                "discuss the usefulness and value of promoting regional dialogue, "
                "capacity-building and cooperation on migration issues within the framework of "
                "RCPs. Participants also considered the value of relations among RCPs and of "
                "exchanges between RCPs and the Global Forum on Migration and Development "
                "(GFMD). The meeting was co-chaired by representatives of the Ministry of "
                "Foreign Affairs of Thailand and of IOM.\n\n"
                "About 60 people took part in the meeting, mainly representatives of the "
                "governments chairing and/or of the secretariats of the main RCPs from around the "
                "world."
            ),
            "fr": (
                "Organisée par le Gouvernement royal thaïlandais en collaboration avec "
                "l’Organisation internationale pour les migrations (OIM), la réunion avait "
                "pour objectif de réunir des représentants des principaux PCR du monde pour "
                "mettre à disposition des données d’expérience et débattre de l’utilité et de "
                "l’intérêt d’encourager le dialogue régional, le renforcement des capacités et "
                "la coopération sur les questions migratoires dans le cadre des PCR. Les "
                "participants ont aussi examiné l’intérêt des relations entre les PCR et des "
                "échanges entre les PCR et le Forum mondial sur la migration et le "
                "développement (FMMD). La réunion était coprésidée par des représentants du "
                "Ministère thaïlandais des affaires étrangères et de l’OIM.\n\n"
                "Environ 60 personnes ont participé à la réunion, principalement des représentants "
                "des gouvernements assurant la présidence et/ou des secrétariats des principaux "
                "PCR du monde entier."
            ),
            "es": (
                "Organizada por el Gobierno Real de Tailandia en colaboración con la "
                "Organización Internacional para las Migraciones (OIM), la reunión tenía por "
                "objeto congregar a representantes de los principales PCR del mundo para "
                "compartir experiencias y debatir sobre la utilidad y el interés de fomentar "
                "el diálogo regional, el fortalecimiento de capacidades y la cooperación en "
                "cuestiones migratorias en el marco de los PCR. Los participantes también "
                "examinaron el interés de las relaciones entre los PCR y de los intercambios "
                "entre los PCR y el Foro Mundial sobre Migración y Desarrollo (FMMD). La "
                "reunión estuvo copresidida por representantes del Ministerio de Relaciones "
                "Exteriores de Tailandia y de la OIM.\n\n"
                "Participaron en la reunión unas 60 personas, principalmente representantes de los "
                "gobiernos que ejercen la presidencia y/o de las secretarías de los principales "
                "PCR de todo el mundo."
            ),
        },
        "starts_on": date(2009, 6, 4),
        "ends_on": date(2009, 6, 5),
        "timezone": "Asia/Bangkok",
        "city": {
            "en": "Bangkok",
            "fr": "Bangkok",
            "es": "Bangkok",
        },
        "country": "TH",
        "venue": None,
        "participant_count": 60,
        "participant_count_qualifier": "about",
        "states_count": None,
        "website": None,
        "day_unknown": False,
        "reproduction_of": SEED_RCP,
        "series": "global-rcp-meetings",
        "parent": None,
        "organizers": [
            {
                "role": "organizer",
                "name": {
                    "en": "Royal Thai Government",
                    "fr": "Gouvernement royal thaïlandais",
                    "es": "Gobierno Real de Tailandia",
                },
            },
            {
                "role": "collaborator",
                "name": IOM,
            },
            {
                "role": "co_chair",
                "name": {
                    "en": "Ministry of Foreign Affairs of Thailand",
                    "fr": "Ministère thaïlandais des affaires étrangères",
                    "es": "Ministerio de Relaciones Exteriores de Tailandia",
                },
            },
            {
                "role": "co_chair",
                "name": IOM,
            },
        ],
        "delegations": [
            {
                "key": "puebla",
                "kind": "rcp",
                "name": {
                    "en": "Regional Conference on Migration",
                    "fr": "Conférence régionale sur les migrations",
                    "es": "Conferencia Regional sobre Migración",
                },
                "short_name": {
                    "en": "Puebla Process",
                    "fr": "Processus de Puebla",
                    "es": "Proceso de Puebla",
                },
                "region": {
                    "en": "North America and Central America",
                    "fr": "Amérique du Nord et Amérique centrale",
                    "es": "América del Norte y América Central",
                },
                "country": None,
            },
            {
                "key": "sacm",
                "kind": "rcp",
                "name": {
                    "en": "South American Conference on Migration",
                    "fr": "Conférence sud-américaine sur la migration",
                    "es": "Conferencia Suramericana sobre Migraciones",
                },
                "short_name": {
                    "en": "SACM",
                    "fr": "SACM",
                    "es": "CSM",
                },
                "region": None,
                "country": None,
            },
            {
                "key": "mtm",
                "kind": "rcp",
                "name": {
                    "en": "Dialogue on Mediterranean Transit Migration",
                    "fr": "Dialogue sur la migration de transit en Méditerranée",
                    "es": "Diálogo sobre la Migración de Tránsito en el Mediterráneo",
                },
                "short_name": {
                    "en": "MTM Dialogue",
                    "fr": "Dialogue MTM",
                    "es": "Diálogo MTM",
                },
                "region": {
                    "en": "Europe and North Africa",
                    "fr": "Europe et Afrique du Nord",
                    "es": "Europa y Norte de África",
                },
                "country": None,
            },
            {
                "key": "midwa",
                "kind": "rcp",
                "name": {
                    "en": "Migration Dialogue for West Africa",
                    "fr": "Dialogue sur la migration pour l’Afrique de l’Ouest",
                    "es": "Diálogo sobre la Migración en África Occidental",
                },
                "short_name": {
                    "en": "MIDWA",
                    "fr": "MIDWA",
                    "es": "MIDWA",
                },
                "region": None,
                "country": None,
            },
            {
                "key": "midsa",
                "kind": "rcp",
                "name": {
                    "en": "Migration Dialogue for Southern Africa",
                    "fr": "Dialogue sur la migration pour l’Afrique australe",
                    "es": "Diálogo sobre la Migración en África Meridional",
                },
                "short_name": {
                    "en": "MIDSA",
                    "fr": "MIDSA",
                    "es": "MIDSA",
                },
                "region": None,
                "country": None,
            },
            {
                "key": "igad",
                "kind": "rcp",
                "name": {
                    "en": (
                        "Regional Consultative Process of the Intergovernmental Authority on "
                        "Development (IGAD)"
                    ),
                    "fr": "PCR de l’Autorité intergouvernementale pour le développement (IGAD)",
                    "es": (
                        "Proceso Consultivo Regional de la Autoridad Intergubernamental para el "
                        "Desarrollo (IGAD)"
                    ),
                },
                "short_name": {
                    "en": "IGAD-RCP",
                    "fr": "PCR de l’IGAD",
                    "es": "PCR de la IGAD",
                },
                "region": {
                    "en": "East Africa/Horn of Africa",
                    "fr": "Afrique de l’Est/Corne de l’Afrique",
                    "es": "África Oriental/Cuerno de África",
                },
                "country": None,
            },
            {
                "key": "apc",
                "kind": "rcp",
                "name": {
                    "en": (
                        "Intergovernmental Asia-Pacific Consultations on Refugees, Displaced "
                        "Persons and Migrants"
                    ),
                    "fr": (
                        "Consultations intergouvernementales Asie-Pacifique sur les réfugiés, les "
                        "personnes déplacées et les migrants"
                    ),
                    "es": (
                        "Consultas Intergubernamentales Asia-Pacífico sobre Refugiados, Personas "
                        "Desplazadas y Migrantes"
                    ),
                },
                "short_name": None,
                "region": None,
                "country": None,
            },
            {
                "key": "colombo",
                "kind": "rcp",
                "name": {
                    "en": (
                        "Ministerial Consultation on Overseas Employment and Contractual Labour "
                        "for Countries of Origin in Asia"
                    ),
                    "fr": (
                        "Consultation ministérielle sur l’emploi outre-mer et la main-d’œuvre "
                        "contractuelle pour les pays d’origine en Asie"
                    ),
                    "es": (
                        "Consulta Ministerial sobre el Empleo en el Extranjero y la Mano de Obra "
                        "Contractual para los Países de Origen en Asia"
                    ),
                },
                "short_name": {
                    "en": "Colombo Process",
                    "fr": "Processus de Colombo",
                    "es": "Proceso de Colombo",
                },
                "region": None,
                "country": None,
            },
            {
                "key": "abu-dhabi",
                "kind": "rcp",
                "name": {
                    "en": (
                        "Ministerial Consultation on Overseas Employment and Contractual Labour "
                        "for Countries of Origin and Destination in Asia"
                    ),
                    "fr": (
                        "Consultation ministérielle sur l’emploi outre-mer et la main-d’œuvre "
                        "contractuelle intéressant les pays d’origine et de destination en Asie"
                    ),
                    "es": (
                        "Consulta Ministerial sobre el Empleo en el Extranjero y la Mano de Obra "
                        "Contractual para los Países de Origen y de Destino en Asia"
                    ),
                },
                "short_name": {
                    "en": "Abu Dhabi Dialogue",
                    "fr": "Dialogue d’Abou Dhabi",
                    "es": "Diálogo de Abu Dabi",
                },
                "region": None,
                "country": None,
            },
            {
                "key": "bali",
                "kind": "rcp",
                "name": {
                    "en": (
                        "Bali Process on People Smuggling, Trafficking in Persons and Related "
                        "Transnational Crime"
                    ),
                    "fr": (
                        "Processus de Bali sur le trafic illicite d’êtres humains, la traite des "
                        "personnes et la criminalité transnationale connexe"
                    ),
                    "es": (
                        "Proceso de Bali sobre el Tráfico Ilícito de Migrantes, la Trata de "
                        "Personas y los Delitos Transnacionales Conexos"
                    ),
                },
                "short_name": None,
                "region": {
                    "en": "Asia-Pacific",
                    "fr": "Asie-Pacifique",
                    "es": "Asia y el Pacífico",
                },
                "country": None,
            },
            {
                "key": "soderkoping",
                "kind": "rcp",
                "name": {
                    "en": "Söderköping Process",
                    "fr": "Processus de Söderköping",
                    "es": "Proceso de Söderköping",
                },
                "short_name": None,
                "region": {
                    "en": "Central Europe",
                    "fr": "Europe centrale",
                    "es": "Europa Central",
                },
                "country": None,
            },
            {
                "key": "budapest",
                "kind": "rcp",
                "name": {
                    "en": "Budapest Process",
                    "fr": "Processus de Budapest",
                    "es": "Proceso de Budapest",
                },
                "short_name": None,
                "region": {
                    "en": "Europe and Central Asia",
                    "fr": "Europe et Asie centrale",
                    "es": "Europa y Asia Central",
                },
                "country": None,
            },
            {
                "key": "igc",
                "kind": "rcp",
                "name": {
                    "en": "Intergovernmental Consultations on Migration, Asylum and Refugees",
                    "fr": (
                        "Consultations intergouvernementales sur les politiques en matière de "
                        "droit d’asile, de réfugiés et de migrations"
                    ),
                    "es": "Consultas Intergubernamentales sobre Migración, Asilo y Refugiados",
                },
                "short_name": {
                    "en": "IGC",
                    "fr": "CIG",
                    "es": "IGC",
                },
                "region": {
                    "en": "Europe, North America, Australia and New Zealand",
                    "fr": "Europe, Amérique du Nord, Australie et Nouvelle-Zélande",
                    "es": "Europa, América del Norte, Australia y Nueva Zelandia",
                },
                "country": None,
            },
        ],
        "participants": [
            {
                "key": "panich",
                "name": "Panich Vikitsreth",
                "function": {
                    "en": "Deputy Minister of Foreign Affairs of Thailand",
                    "fr": "Vice-ministre des Affaires étrangères de la Thaïlande",
                    "es": "Viceministro de Relaciones Exteriores de Tailandia",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "swing",
                "name": "William Lacy Swing",
                "function": {
                    "en": "Director General of IOM",
                    "fr": "Directeur général de l’OIM",
                    "es": "Director General de la OIM",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
        ],
        "agenda": [
            {
                "key": "welcome",
                "day": date(2009, 6, 4),
                "kind": "opening",
                "title": {
                    "en": "Welcome to participants",
                    "fr": "Accueil des participants",
                    "es": "Bienvenida a los participantes",
                },
                "description": {
                    "en": (
                        "Participants were welcomed by Mr. Panich Vikitsreth, Deputy Minister of "
                        "Foreign Affairs of Thailand, and Mr. William Lacy Swing, Director General "
                        "of IOM."
                    ),
                    "fr": (
                        "Les participants ont été accueillis par M. Panich Vikitsreth, "
                        "Vice-ministre des Affaires étrangères de la Thaïlande, et M. William Lacy "
                        "Swing, Directeur général de l’OIM."
                    ),
                    "es": (
                        "Los participantes fueron recibidos por el Sr. Panich Vikitsreth, "
                        "Viceministro de Relaciones Exteriores de Tailandia, y el Sr. William Lacy "
                        "Swing, Director General de la OIM."
                    ),
                },
                "speakers": [
                    "panich",
                    "swing",
                ],
            },
            {
                "key": "rcp-presentations",
                "day": date(2009, 6, 4),
                "kind": "session",
                "title": {
                    "en": "Presentations of the RCPs by the delegations",
                    "fr": "Présentation des PCR par les délégations",
                    "es": "Presentación de los PCR por las delegaciones",
                },
                "description": {
                    "en": (
                        "Each delegation presented its RCP, in particular its structure, "
                        "membership, thematic focus, objectives and challenges. To facilitate the "
                        "presentations, a document giving a brief overview of each RCP was "
                        "distributed."
                    ),
                    "fr": (
                        "Chaque délégation a présenté son PCR, notamment en ce qui concerne sa "
                        "structure, ses membres, son axe thématique, ses objectifs et ses défis. "
                        "Pour faciliter ces présentations, un document donnant un bref aperçu de "
                        "chaque PCR a été distribué."
                    ),
                    "es": (
                        "Cada delegación presentó su PCR, en particular su estructura, sus "
                        "miembros, su eje temático, sus objetivos y sus desafíos. Para facilitar "
                        "estas presentaciones, se distribuyó un documento con una breve reseña de "
                        "cada PCR."
                    ),
                },
                "speakers": [],
            },
            {
                "day": date(2009, 6, 4),
                "kind": "session",
                "title": {
                    "en": "Independent evaluation of the outcomes and impact of RCPs",
                    "fr": "Évaluation indépendante des résultats et des incidences des PCR",
                    "es": (
                        "Evaluación independiente de los resultados y las repercusiones de los PCR"
                    ),
                },
                "description": {
                    "en": (
                        "The final session of the day gave a brief overview of an independent "
                        "evaluation of the outcomes and impact of RCPs – based mainly on the goals "
                        "and objectives of each RCP – to be carried out by a professor of the "
                        "University of Toronto in collaboration with IOM."
                    ),
                    "fr": (
                        "La session finale de la journée a consisté à donner des informations "
                        "succinctes sur une évaluation indépendante des résultats et des "
                        "incidences des PCR – en s’appuyant principalement sur les buts et "
                        "objectifs de chaque PCR –, qui sera réalisée par un professeur de "
                        "l’Université de Toronto, en collaboration avec l’OIM."
                    ),
                    "es": (
                        "La última sesión del día consistió en facilitar información sucinta sobre "
                        "una evaluación independiente de los resultados y las repercusiones de los "
                        "PCR –basada principalmente en las metas y los objetivos de cada PCR–, que "
                        "llevará a cabo un profesor de la Universidad de Toronto en colaboración "
                        "con la OIM."
                    ),
                },
                "speakers": [],
            },
            {
                "day": date(2009, 6, 5),
                "kind": "session",
                "title": {
                    "en": "Promoting more effective migration management",
                    "fr": "Promouvoir une gestion plus efficace des migrations",
                    "es": "Promover una gestión más eficaz de la migración",
                },
                "description": {
                    "en": (
                        "The second day opened with this session, which focused specifically on: "
                        "1) the role of RCPs in capacity-building, policy coherence and "
                        "governance; and 2) migration and development issues within the framework "
                        "of RCPs."
                    ),
                    "fr": (
                        "La deuxième journée a commencé par cette session, qui portait "
                        "spécifiquement sur : 1) le rôle des PCR en matière de renforcement des "
                        "capacités, de cohérence politique et de gouvernance et 2) des questions "
                        "relatives à la migration et au développement dans le cadre des PCR."
                    ),
                    "es": (
                        "La segunda jornada comenzó con esta sesión, que se centró específicamente "
                        "en: 1) la función de los PCR en materia de fortalecimiento de "
                        "capacidades, coherencia de políticas y gobernanza, y 2) las cuestiones "
                        "relativas a la migración y el desarrollo en el marco de los PCR."
                    ),
                },
                "speakers": [],
            },
            {
                "day": date(2009, 6, 5),
                "kind": "session",
                "title": {
                    "en": "Strengthening collaboration and exchanges of ideas among RCPs",
                    "fr": "Renforcer la collaboration et les échanges d’idées entre les PCR",
                    "es": "Fortalecer la colaboración y el intercambio de ideas entre los PCR",
                },
                "description": {
                    "en": (
                        "Participants considered whether it would be desirable and feasible to "
                        "strengthen collaboration among RCPs and to improve exchanges of ideas "
                        "among them."
                    ),
                    "fr": (
                        "Les participants ont examiné la question de savoir s’il était souhaitable "
                        "et possible de renforcer la collaboration entre les PCR et d’améliorer "
                        "les échanges d’idées entre eux."
                    ),
                    "es": (
                        "Los participantes examinaron si era conveniente y posible reforzar la "
                        "colaboración entre los PCR y mejorar el intercambio de ideas entre ellos."
                    ),
                },
                "speakers": [],
            },
            {
                "day": date(2009, 6, 5),
                "kind": "session",
                "title": {
                    "en": (
                        "Links between RCPs and the Global Forum on Migration and Development "
                        "(GFMD)"
                    ),
                    "fr": (
                        "Liens entre les PCR et le Forum mondial sur la migration et le "
                        "développement (FMMD)"
                    ),
                    "es": (
                        "Vínculos entre los PCR y el Foro Mundial sobre Migración y Desarrollo "
                        "(FMMD)"
                    ),
                },
                "description": {
                    "en": (
                        "Participants discussed the links between RCPs and the GFMD, including how "
                        "to improve exchanges of ideas between RCPs and the GFMD, and "
                        "recommendations to the GFMD."
                    ),
                    "fr": (
                        "Les participants ont débattu des liens entre les PCR et le FMMD, "
                        "notamment de la manière d’améliorer les échanges d’idées entre les PCR et "
                        "le FMMD, et des recommandations à l’intention du FMMD."
                    ),
                    "es": (
                        "Los participantes debatieron sobre los vínculos entre los PCR y el FMMD, "
                        "en particular sobre la manera de mejorar el intercambio de ideas entre "
                        "los PCR y el FMMD, y sobre recomendaciones dirigidas al FMMD."
                    ),
                },
                "speakers": [],
            },
            {
                "key": "closing",
                "day": date(2009, 6, 5),
                "kind": "closing",
                "title": {
                    "en": "Closing remarks by the co-chairs",
                    "fr": "Remarques de clôture des coprésidents",
                    "es": "Palabras de clausura de los copresidentes",
                },
                "description": {
                    "en": "The meeting ended with closing remarks by the co-chairs.",
                    "fr": (
                        "La réunion s’est terminée par les remarques de clôture des coprésidents."
                    ),
                    "es": "La reunión concluyó con las palabras de clausura de los copresidentes.",
                },
                "speakers": [],
            },
        ],
        "documents": [
            {
                "content": "agenda",
                "generated": "AGENDA",
                "category": "agenda",
                "title": {
                    "en": "Agenda",
                    "fr": "Ordre du jour",
                    "es": "Programa",
                },
                "languages": [
                    "en",
                    "fr",
                    "es",
                ],
                "delegation": None,
                "symbol": None,
            },
            {
                "content": "overview",
                "category": "overview",
                "title": {
                    "en": "General overview",
                    "fr": "Aperçu général",
                    "es": "Reseña general",
                },
                "languages": [
                    "en",
                    "fr",
                    "es",
                ],
                "delegation": None,
                "symbol": None,
            },
            {
                "content": "rcps",
                "category": "overview",
                "title": {
                    "en": "Overview of the main RCPs",
                    "fr": "Aperçu des principaux PCR",
                    "es": "Reseña de los principales PCR",
                },
                "languages": [
                    "en",
                ],
                "delegation": None,
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
            {
                "category": "report",
                "title": {
                    "en": "Final report",
                    "fr": "Rapport final",
                    "es": "Informe final",
                },
                "languages": [
                    "en",
                ],
                "delegation": None,
                "symbol": None,
            },
            {
                "category": "opening_remarks",
                "title": {
                    "en": "Opening remarks (Thailand)",
                    "fr": "Observations liminaires (Thaïlande)",
                    "es": "Palabras de apertura (Tailandia)",
                },
                "languages": [
                    "en",
                ],
                "delegation": None,
                "symbol": None,
                "agenda_item": "welcome",
            },
            {
                "category": "opening_remarks",
                "title": {
                    "en": "Opening remarks (IOM)",
                    "fr": "Observations liminaires (OIM)",
                    "es": "Palabras de apertura (OIM)",
                },
                "languages": [
                    "en",
                ],
                "delegation": None,
                "symbol": None,
                "agenda_item": "welcome",
            },
            {
                "category": "closing_remarks",
                "title": {
                    "en": "Closing remarks (Thailand)",
                    "fr": "Remarques de clôture (Thaïlande)",
                    "es": "Palabras de clausura (Tailandia)",
                },
                "languages": [
                    "en",
                ],
                "delegation": None,
                "symbol": None,
                "agenda_item": "closing",
            },
            {
                "category": "presentation",
                "title": {
                    "en": "Contribution of IGAD",
                    "fr": "Contribution de l’IGAD",
                    "es": "Contribución de la IGAD",
                },
                "languages": [
                    "en",
                ],
                "delegation": "igad",
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
            {
                "category": "presentation",
                "title": {
                    "en": "Contribution of the IGC",
                    "fr": "Contribution des CIG",
                    "es": "Contribución de las IGC",
                },
                "languages": [
                    "en",
                ],
                "delegation": "igc",
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
            {
                "category": "presentation",
                "title": {
                    "en": "Contribution of MIDWA",
                    "fr": "Contribution du MIDWA",
                    "es": "Contribución del MIDWA",
                },
                "languages": [
                    "en",
                    "fr",
                ],
                "delegation": "midwa",
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
            {
                "category": "presentation",
                "title": {
                    "en": "Contribution of the Söderköping Process",
                    "fr": "Contribution du Processus de Söderköping",
                    "es": "Contribución del Proceso de Söderköping",
                },
                "languages": [
                    "en",
                ],
                "delegation": "soderkoping",
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
            {
                "category": "presentation",
                "title": {
                    "en": "Contribution of the Colombo Process",
                    "fr": "Contribution du Processus de Colombo",
                    "es": "Contribución del Proceso de Colombo",
                },
                "languages": [
                    "en",
                ],
                "delegation": "colombo",
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
            {
                "category": "presentation",
                "title": {
                    "en": "Contribution of the Abu Dhabi Dialogue",
                    "fr": "Contribution du Dialogue d’Abou Dhabi",
                    "es": "Contribución del Diálogo de Abu Dabi",
                },
                "languages": [
                    "en",
                ],
                "delegation": "abu-dhabi",
                "symbol": None,
                "agenda_item": "rcp-presentations",
            },
        ],
        "press_contacts": [],
    },
    {
        "slug": "bapa40-buenos-aires-2019",
        "kind": "conference",
        "original_language": "fr",
        "title": {
            "en": (
                "Second High-level United Nations Conference on South-South Cooperation (BAPA+40)"
            ),
            "fr": (
                "Seconde Conférence de haut niveau des Nations Unies sur la coopération Sud-Sud "
                "(BAPA+40)"
            ),
            "es": (
                "Segunda Conferencia de Alto Nivel de las Naciones Unidas sobre la Cooperación "
                "Sur-Sur (PABA+40)"
            ),
        },
        "summary": {
            "en": (
                "The Second High-level Conference on South-South Cooperation (BAPA+40) was held "
                "from 20 to 22 March 2019, 40 years after the adoption of the Buenos Aires Plan of "
                "Action for Promoting and Implementing Technical Cooperation among Developing "
                "Countries (BAPA). IOM Director General António Vitorino took part in it."
            ),
            "fr": (
                "La seconde Conférence de haut niveau sur la coopération Sud-Sud (BAPA+40) s’est "
                "tenue du 20 au 22 mars 2019, 40 ans après l’adoption du Plan d’action de Buenos "
                "Aires pour la promotion et la mise en œuvre de la coopération technique entre "
                "pays en développement (BAPA). Le Directeur général de l’OIM, António Vitorino, y "
                "a participé."
            ),
            "es": (
                "La Segunda Conferencia de Alto Nivel sobre la Cooperación Sur-Sur (PABA+40) se "
                "celebró del 20 al 22 de marzo de 2019, 40 años después de la aprobación del Plan "
                "de Acción de Buenos Aires para Promover y Realizar la Cooperación Técnica entre "
                "los Países en Desarrollo (PABA). El Director General de la OIM, António Vitorino, "
                "participó en ella."
            ),
        },
        "description": {
            "en": (
                "IOM Director General António Vitorino took part in the Second High-level "
                "Conference on South-South Cooperation (BAPA+40), held 40 years after the "
                "adoption of the Buenos Aires Plan of Action for Promoting and Implementing "
                "Technical Cooperation among Developing Countries (BAPA).\n\n"
                "The conference was held from 20 to 22 March 2019 in an international context "
                "framed by the commitments set out in the 2030 Agenda for Sustainable "
                "Development, which integrates migration into action to reduce inequalities "
                "and end poverty. It was also an opportunity to review trends in multilateral "
                "cooperation, with a view to promoting these modalities and identifying new "
                "opportunities through the exchange of experience and knowledge of South-South "
                "cooperation mechanisms.\n\n"
                "During the conference, which brought together more than 1,500 participants, "
                "193 United Nations Member States and international organizations were "
                "present, including United Nations Secretary-General António Guterres, who "
                "stressed that “BAPA has transformed the dynamics of international cooperation "
                "and has highlighted the value of a different form of cooperation, based on "
                "the exchange of knowledge and appropriate technologies between nations facing "
                "similar development challenges.” He added that such cooperation could enable "
                "developing countries to “learn from one another and grow rapidly.”\n\n"
                "IOM took part in two side events and in the main plenary session of the "
                "conference, at which Director General Vitorino highlighted the importance of "
                "the Global Compact for Safe, Orderly and Regular Migration, which recognizes "
                "that stepping up regional cooperation is essential, as proposed at the "
                "BAPA+40 conference.\n\n"
                "Other speakers at the side events in which IOM took part included Santiago "
                "Chávez Pareja, Vice-Minister of Human Mobility of the Government of Ecuador; "
                "Luis María Sobrón, Director General of Consular Affairs of the Ministry of "
                "Foreign Affairs and Worship of the Government of Argentina; Eduardo Stein, "
                "Special Representative of UNHCR and IOM for refugees and migrants in the "
                "region; Juan Carlos Murillo, UNHCR Regional Representative for Southern Latin "
                "America; and Lelio Mármora, Director of the Institute of Migration and Asylum "
                "Policies of the University of Tres de Febrero.\n\n"
                "For several decades, the Argentine Republic has maintained a strong "
                "South-South cooperation policy through the Argentine Fund for South-South and "
                "Triangular Cooperation (FO.AR). The Argentine Government has carried out many "
                "initiatives in this area, with particular attention to human rights and "
                "justice, agribusiness and health. In this framework, IOM supports the "
                "deployment of Argentine experts to Latin America, the Caribbean, Europe, Asia "
                "and Africa; the hosting of foreign professionals in Argentina; and the "
                "organization of international seminars.\n\n"
                "BAPA+40 concluded with the adoption of an official declaration by the Member "
                "States, reaffirming their commitment to stronger South-South cooperation."
            ),
            "fr": (
                "Le Directeur général de l’OIM, António Vitorino, a participé à la seconde "
                "Conférence de haut niveau sur la coopération Sud-Sud (BAPA+40), organisé 40 "
                "ans après l’adoption du Plan d’action de Buenos Aires pour la promotion et la "
                "mise en œuvre de la coopération technique entre pays en développement (BAPA).\n\n"
                "La conférence s’est tenue du 20 au 22 mars 2019 dans un contexte "
                "international encadré par les accords énoncés dans le Programme de "
                "développement durable à l’horizon 2030, qui intègre la migration dans les "
                "actions visant à réduire les inégalités et à mettre fin à la pauvreté. Elle a "
                "également été l’occasion d’examiner les tendances de la coopération "
                "multilatérale, en vue de promouvoir ces modalités et d’identifier de "
                "nouvelles possibilités, grâce à l’échange d’expériences et de connaissances "
                "des mécanismes de coopération Sud-Sud.\n\n"
                "Pendant la conférence - qui a rassemblé plus de 1 500 participants -, 193 "
                "Etats membres des Nations Unies et organisations internationales étaient "
                "présentes, dont le Secrétaire général des Nations Unies, António Guterres, "
                "qui a souligné que le « BAPA a transformé les dynamiques de coopération "
                "internationale et a mis en évidence l’utilité d’une forme différente de "
                "coopération, fondée sur l’échange de connaissances et de technologies "
                "appropriées entre les nations qui sont confrontées à des défis similaires en "
                "matière de développement. » En outre, il a ajouté que cette coopération "
                "pouvait permettre aux pays en développement d’ « apprendre les uns des autres "
                "et de croître rapidement. »\n\n"
                "L’OIM a participé à deux événements parallèles et à la principale session "
                "plénière de la conférence, lors de laquelle le Directeur général Vitorino a "
                "mentionné l’importance du Pacte mondial pour des migrations sûres, ordonnées "
                "et régulières, qui reconnaît qu’il est fondamental d’intensifier la "
                "coopération régionale comme il a été proposé lors de la conférence BAPA+40.\n\n"
                "Pendant les événements parallèles auxquels l’OIM a participé, d’autres "
                "intervenants étaient présents, notament Santiago Chávez Pareja, Vice-Ministre "
                "de la mobilité humaine du gouvernement d’Equateur ; Luis María Sobrón, "
                "Directeur général des affaires consulaires du Ministère des affaires "
                "étrangères et du culte du gouvernement argentin ; Eduardo Stein, représentant "
                "spécial du HCR et de l’OIM pour les réfugiés et migrants dans la région ; "
                "Juan Carlos Murillo, représentant régional du HCR pour le sud de l’Amérique "
                "latine ; et Lelio Mármora, Directeur de l’institut des politiques de "
                "migration et d’asile, de l’Université de Tres de Febrero.\n\n"
                "Depuis plusieurs décennies, la République d’Argentine maintient une politique "
                "de coopération Sud-Sud solide grâce au Fonds argentin pour la coopération "
                "Sud-Sud et triangulaire (FO.AR). Le gouvernement argentin a mené à bien de "
                "nombreuses actions à cet égard, avec une attention toute particulière sur les "
                "domaines relatifs aux droits de l’homme et à la justice, à l’agro-industrie "
                "et à la santé. Dans ce cadre, l’OIM soutient le déploiement d’experts "
                "argentins en Amérique latine, dans les Caraïbes, en Europe, en Asie et en "
                "Afrique ; l’accueil de professionnels étrangers en Argentine ; et l’aide à "
                "l’organisation de séminaires internationaux.\n\n"
                "La BAPA+40 s’est achevée par l’adoption d’une déclaration officielle des Etats "
                "membres, réaffirmant leur engagement pour une coopération Sud-Sud plus solide."
            ),
            "es": (
                "El Director General de la OIM, António Vitorino, participó en la Segunda "
                "Conferencia de Alto Nivel sobre la Cooperación Sur-Sur (PABA+40), celebrada "
                "40 años después de la aprobación del Plan de Acción de Buenos Aires para "
                "Promover y Realizar la Cooperación Técnica entre los Países en Desarrollo "
                "(PABA).\n\n"
                "La conferencia se celebró del 20 al 22 de marzo de 2019 en un contexto "
                "internacional enmarcado por los acuerdos enunciados en la Agenda 2030 para el "
                "Desarrollo Sostenible, que integra la migración en las acciones destinadas a "
                "reducir las desigualdades y poner fin a la pobreza. También brindó la "
                "oportunidad de examinar las tendencias de la cooperación multilateral, con "
                "miras a promover estas modalidades e identificar nuevas posibilidades, "
                "gracias al intercambio de experiencias y conocimientos sobre los mecanismos "
                "de cooperación Sur-Sur.\n\n"
                "Durante la conferencia, que congregó a más de 1.500 participantes, estuvieron "
                "presentes 193 Estados Miembros de las Naciones Unidas y organizaciones "
                "internacionales, entre ellos el Secretario General de las Naciones Unidas, "
                "António Guterres, quien subrayó que el «PABA ha transformado la dinámica de "
                "la cooperación internacional y ha puesto de relieve la utilidad de una forma "
                "distinta de cooperación, basada en el intercambio de conocimientos y "
                "tecnologías apropiadas entre naciones que afrontan desafíos de desarrollo "
                "similares». Además, añadió que esta cooperación podía permitir a los países "
                "en desarrollo «aprender unos de otros y crecer rápidamente».\n\n"
                "La OIM participó en dos eventos paralelos y en la sesión plenaria principal "
                "de la conferencia, en la que el Director General Vitorino destacó la "
                "importancia del Pacto Mundial para la Migración Segura, Ordenada y Regular, "
                "que reconoce que es fundamental intensificar la cooperación regional, como se "
                "propuso en la conferencia PABA+40.\n\n"
                "En los eventos paralelos en los que participó la OIM intervinieron también, "
                "entre otros, Santiago Chávez Pareja, Viceministro de Movilidad Humana del "
                "Gobierno del Ecuador; Luis María Sobrón, Director General de Asuntos "
                "Consulares del Ministerio de Relaciones Exteriores y Culto del Gobierno "
                "argentino; Eduardo Stein, Representante Especial del ACNUR y la OIM para los "
                "refugiados y migrantes en la región; Juan Carlos Murillo, Representante "
                "Regional del ACNUR para el Sur de América Latina; y Lelio Mármora, Director "
                "del Instituto de Políticas de Migraciones y Asilo de la Universidad de Tres "
                "de Febrero.\n\n"
                "Desde hace varias décadas, la República Argentina mantiene una sólida "
                "política de cooperación Sur-Sur a través del Fondo Argentino de Cooperación "
                "Sur-Sur y Triangular (FO.AR). El Gobierno argentino ha llevado a cabo "
                "numerosas acciones en este sentido, con especial atención a los ámbitos de "
                "los derechos humanos y la justicia, la agroindustria y la salud. En este "
                "marco, la OIM apoya el despliegue de expertos argentinos en América Latina, "
                "el Caribe, Europa, Asia y África; la acogida de profesionales extranjeros en "
                "la Argentina; y la organización de seminarios internacionales.\n\n"
                "La PABA+40 concluyó con la aprobación de una declaración oficial de los Estados "
                "Miembros, que reafirmaron su compromiso con una cooperación Sur-Sur más sólida."
            ),
        },
        "starts_on": date(2019, 3, 20),
        "ends_on": date(2019, 3, 22),
        "timezone": "America/Argentina/Buenos_Aires",
        "city": {
            "en": "Buenos Aires",
            "fr": "Buenos Aires",
            "es": "Buenos Aires",
        },
        "country": "AR",
        "venue": None,
        "participant_count": 1500,
        "participant_count_qualifier": "more_than",
        "states_count": 193,
        "website": "https://www.unsouthsouth.org/bapa40",
        "day_unknown": False,
        "reproduction_of": SEED_BAPA,
        "series": None,
        "parent": None,
        "organizers": [
            {
                "role": "organizer",
                "name": {
                    "en": "United Nations",
                    "fr": "Organisation des Nations Unies",
                    "es": "Naciones Unidas",
                },
            },
            {
                "role": "participant",
                "name": IOM,
            },
        ],
        "delegations": [],
        "participants": [
            {
                "key": "vitorino",
                "name": "António Vitorino",
                "function": {
                    "en": "Director General of IOM",
                    "fr": "Directeur général de l’OIM",
                    "es": "Director General de la OIM",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "guterres",
                "name": "António Guterres",
                "function": {
                    "en": "Secretary-General of the United Nations",
                    "fr": "Secrétaire général des Nations Unies",
                    "es": "Secretario General de las Naciones Unidas",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "chavez-pareja",
                "name": "Santiago Chávez Pareja",
                "function": {
                    "en": "Vice-Minister of Human Mobility of the Government of Ecuador",
                    "fr": "Vice-Ministre de la mobilité humaine du gouvernement d’Equateur",
                    "es": "Viceministro de Movilidad Humana del Gobierno del Ecuador",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "sobron",
                "name": "Luis María Sobrón",
                "function": {
                    "en": (
                        "Director General of Consular Affairs of the Ministry of Foreign Affairs "
                        "and Worship of the Government of Argentina"
                    ),
                    "fr": (
                        "Directeur général des affaires consulaires du Ministère des affaires "
                        "étrangères et du culte du gouvernement argentin"
                    ),
                    "es": (
                        "Director General de Asuntos Consulares del Ministerio de Relaciones "
                        "Exteriores y Culto del Gobierno argentino"
                    ),
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "stein",
                "name": "Eduardo Stein",
                "function": {
                    "en": (
                        "Special Representative of UNHCR and IOM for refugees and migrants in the "
                        "region"
                    ),
                    "fr": (
                        "Représentant spécial du HCR et de l’OIM pour les réfugiés et migrants "
                        "dans la région"
                    ),
                    "es": (
                        "Representante Especial del ACNUR y la OIM para los refugiados y migrantes "
                        "en la región"
                    ),
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "murillo",
                "name": "Juan Carlos Murillo",
                "function": {
                    "en": "UNHCR Regional Representative for Southern Latin America",
                    "fr": "Représentant régional du HCR pour le sud de l’Amérique latine",
                    "es": "Representante Regional del ACNUR para el Sur de América Latina",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
            {
                "key": "marmora",
                "name": "Lelio Mármora",
                "function": {
                    "en": (
                        "Director of the Institute of Migration and Asylum Policies, University of "
                        "Tres de Febrero"
                    ),
                    "fr": (
                        "Directeur de l’institut des politiques de migration et d’asile, de "
                        "l’Université de Tres de Febrero"
                    ),
                    "es": (
                        "Director del Instituto de Políticas de Migraciones y Asilo de la "
                        "Universidad de Tres de Febrero"
                    ),
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
        ],
        "agenda": [],
        "documents": [],
        "press_contacts": [
            {
                "name": "Carolina Celi",
                "office": "iom-argentina",
                "email": "cceli@iom.int",
                "phone": "+54 11 15 3232 1384",
                "languages": [],
            },
            {
                "name": "Débora Taicz",
                "office": "iom-argentina",
                "email": "dtaicz@iom.int",
                "phone": "+ 54 11 4815 1035",
                "languages": [],
            },
        ],
    },
    {
        "slug": "bapa40-migration-governance-side-event",
        "kind": "side_event",
        "original_language": "fr",
        # The seed quotes the title in English only: it is stored in English only, and the
        # French and Spanish pages show it as such ("Available in English only.").
        "title": {
            "en": (
                "South-South cooperation as a tool for migration governance in Latin America and "
                "the Caribbean"
            ),
        },
        "summary": {
            "en": (
                "A BAPA+40 side event, opened by IOM Director General António Vitorino, which "
                "discussed cooperation on migration in regional consultative and integration "
                "processes."
            ),
            "fr": (
                "Événement parallèle de la BAPA+40, ouvert par le Directeur général de l’OIM, "
                "António Vitorino, au cours duquel a été débattue la coopération en matière de "
                "migration dans les processus régionaux de consultation et d’intégration."
            ),
            "es": (
                "Evento paralelo de la PABA+40, inaugurado por el Director General de la OIM, "
                "António Vitorino, en el que se debatió la cooperación en materia de migración en "
                "los procesos regionales de consulta e integración."
            ),
        },
        "description": {
            "en": (
                "Mr. Vitorino opened the side event “South-South cooperation as a tool for "
                "migration governance in Latin America and the Caribbean”, which discussed "
                "cooperation on migration in regional consultative and integration processes. "
                "The focus was on how existing mechanisms facilitate cooperation at the "
                "regional level on a wide range of migration issues, such as the harmonization "
                "of regulations, the modernization of institutions and the implementation of "
                "measures and programmes targeting diverse groups of migrant populations.\n\n"
                "Mr. Vitorino also used his platform to point out that “international migration is "
                "a phenomenon with significant repercussions for all countries, given its "
                "relevance to many areas of public policy. That is why governments must cooperate "
                "significantly on various aspects of migration, at both the bilateral and the "
                "regional levels, and broaden these issues in the context of South-South "
                "cooperation.”"
            ),
            "fr": (
                'M. Vitorino a ouvert l’événement parallèle <em lang="en">South-South '
                "cooperation as a tool for migration governance in Latin America and the "
                "Caribbean</em>, au cours duquel "
                "a été débattue la coopération en matière de migration dans les processus "
                "régionaux de consultation et d’intégration. L’accent a été mis sur la façon "
                "dont les mécanismes existants facilitent la coopération au niveau régional "
                "sur tout un éventail de sujets migratoires, comme l’harmonisation de la "
                "réglementation, la modernisation des institutions et la mise en œuvre de "
                "mesures et de programmes ciblant des groupes divers de populations de "
                "migrants.\n\n"
                "M. Vitorino a également utilisé sa plateforme pour préciser que « la migration "
                "internationale est un phénomène aux répercussions importantes pour tous les pays, "
                "compte tenu de sa pertinence dans de nombreux domaines de politique publique. "
                "C’est pourquoi les gouvernements doivent coopérer de façon notable sur différents "
                "aspects de la migration, aussi bien au niveau bilatéral que régional, et élargir "
                "ces questions dans le contexte de la coopération Sud-Sud. »"
            ),
            "es": (
                'El Sr. Vitorino inauguró el evento paralelo «<span lang="en">South-South '
                "cooperation as a tool for migration governance in Latin America and the "
                "Caribbean</span>», en el que "
                "se debatió la cooperación en materia de migración en los procesos regionales "
                "de consulta e integración. Se hizo hincapié en la forma en que los mecanismos "
                "existentes facilitan la cooperación a nivel regional en toda una serie de "
                "cuestiones migratorias, como la armonización de la normativa, la "
                "modernización de las instituciones y la aplicación de medidas y programas "
                "dirigidos a diversos grupos de poblaciones migrantes.\n\n"
                "El Sr. Vitorino también aprovechó su intervención para precisar que «la migración "
                "internacional es un fenómeno con importantes repercusiones para todos los países, "
                "dada su pertinencia en numerosos ámbitos de las políticas públicas. Por ello, los "
                "gobiernos deben cooperar de forma significativa en diferentes aspectos de la "
                "migración, tanto a nivel bilateral como regional, y ampliar estas cuestiones en "
                "el contexto de la cooperación Sur-Sur»."
            ),
        },
        "starts_on": date(2019, 3, 20),
        "ends_on": date(2019, 3, 22),
        "timezone": "America/Argentina/Buenos_Aires",
        "city": {
            "en": "Buenos Aires",
            "fr": "Buenos Aires",
            "es": "Buenos Aires",
        },
        "country": "AR",
        "venue": None,
        "participant_count": None,
        "participant_count_qualifier": None,
        "states_count": None,
        "website": None,
        "day_unknown": True,
        "reproduction_of": SEED_BAPA,
        "series": None,
        "parent": "bapa40-buenos-aires-2019",
        "organizers": [
            {
                "role": "participant",
                "name": IOM,
            },
        ],
        "delegations": [],
        "participants": [
            {
                "key": "vitorino",
                "name": "António Vitorino",
                "function": {
                    "en": "Director General of IOM",
                    "fr": "Directeur général de l’OIM",
                    "es": "Director General de la OIM",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
        ],
        "agenda": [],
        "documents": [],
        "press_contacts": [],
    },
    {
        "slug": "bapa40-venezuela-side-event",
        "kind": "side_event",
        "original_language": "fr",
        "title": {
            "en": (
                "South-South cooperation in response to the human mobility of Venezuelan citizens "
                "in the South American region"
            ),
            "fr": (
                "Coopération Sud-Sud en réponse à la mobilité humaine des citoyens vénézuéliens "
                "dans la région sud-américaine"
            ),
            "es": (
                "Cooperación Sur-Sur en respuesta a la movilidad humana de los ciudadanos "
                "venezolanos en la región suramericana"
            ),
        },
        "summary": {
            "en": (
                "A BAPA+40 side event organized by the Government of Ecuador and supported by IOM "
                "and UNHCR, on South-South cooperation in response to the human mobility of "
                "Venezuelan citizens in the South American region. IOM Director General António "
                "Vitorino took part in the discussions."
            ),
            "fr": (
                "Événement parallèle de la BAPA+40 organisé par le gouvernement d’Equateur et "
                "soutenu par l’OIM et le HCR, sur la coopération Sud-Sud en réponse à la mobilité "
                "humaine des citoyens vénézuéliens dans la région sud-américaine. Le Directeur "
                "général de l’OIM, António Vitorino, a participé aux discussions."
            ),
            "es": (
                "Evento paralelo de la PABA+40 organizado por el Gobierno del Ecuador con el apoyo "
                "de la OIM y el ACNUR, sobre la cooperación Sur-Sur en respuesta a la movilidad "
                "humana de los ciudadanos venezolanos en la región suramericana. El Director "
                "General de la OIM, António Vitorino, participó en los debates."
            ),
        },
        "description": {
            "en": (
                "On Thursday 21 March 2019, Director General Vitorino took part in discussions "
                "at a BAPA+40 side event organized by the Government of Ecuador and supported "
                "by both IOM and UNHCR on South-South cooperation in response to the human "
                "mobility of Venezuelan citizens in the South American region. The event "
                "focused on the priorities set by governments in designing a regional response "
                "to the needs of Venezuelan refugees and migrants, while underlining the "
                "importance of South-South cooperation, given that most Venezuelan migrants "
                "leaving the country are received elsewhere in the region. The Quito Process "
                "and the operationalization of the Quito Plan of Action are regarded as good "
                "examples of how to articulate effective coordination and action at the "
                "regional level.\n\n"
                "Director General Vitorino commended the countries for their response and "
                "reiterated IOM’s commitment to continue supporting their efforts. He also noted "
                "the importance of financial support from the international community, in "
                "particular the donor community, through the Regional Refugee and Migrant Response "
                "Plan, which aims to meet the protection, assistance and integration needs of "
                "Venezuelan refugees and migrants in the States concerned in Latin America and the "
                "Caribbean, complementing and strengthening governments’ national and regional "
                "responses, in line with the principles set out in the New York Declaration for "
                "Refugees and Migrants."
            ),
            "fr": (
                "Le jeudi 21 mars 2019, le Directeur général Vitorino a participé à des "
                "discussions lors d’un événement parallèle de la BAPA+40, organisé par le "
                "gouvernement d’Equateur et soutenu à la fois par l’OIM et le HCR sur la "
                "coopération Sud-Sud en réponse à la mobilité humaine des citoyens "
                "vénézuéliens dans la région sud-américaine. L’événement était centré sur les "
                "priorités établies par les gouvernements dans la conception d’une réponse "
                "régionale aux besoins des réfugiés et migrants vénézuéliens tout en "
                "soulignant l’importance de la coopération Sud-Sud, étant donné que la plupart "
                "des migrants vénézuéliens qui quittent le pays sont accueillis ailleurs dans "
                "la région. Le Processus de Quito et l’opérationnalisation du Plan d’action de "
                "Quito sont considérés comme de bons exemples pour articuler une coordination "
                "et une action efficaces au niveau régional.\n\n"
                "Le Directeur général Vitorino a félicité les pays pour leur réponse et a réitéré "
                "l’engagement de l’OIM à continuer à soutenir leurs efforts. Il a également fait "
                "remarquer l’importance de l’aide financière de la communauté internationale, en "
                "particulier de la communauté donatrice, à travers le Plan de réponse régional "
                "pour les réfugiés et les migrants, dont l’objectif est de répondre aux besoins de "
                "protection, d’assistance et d’intégration des réfugiés et migrants vénézuéliens "
                "dans les Etats concernés d’Amérique latine et des Caraïbes, en complétant et en "
                "renforçant les interventions nationales et régionales des gouvernements, "
                "conformément aux principes décrits dans la Déclaration de New York pour les "
                "réfugiés et les migrants."
            ),
            "es": (
                "El jueves 21 de marzo de 2019, el Director General Vitorino participó en los "
                "debates de un evento paralelo de la PABA+40, organizado por el Gobierno del "
                "Ecuador y apoyado tanto por la OIM como por el ACNUR, sobre la cooperación "
                "Sur-Sur en respuesta a la movilidad humana de los ciudadanos venezolanos en "
                "la región suramericana. El evento se centró en las prioridades establecidas "
                "por los gobiernos en el diseño de una respuesta regional a las necesidades de "
                "los refugiados y migrantes venezolanos, al tiempo que subrayó la importancia "
                "de la cooperación Sur-Sur, dado que la mayoría de los migrantes venezolanos "
                "que salen del país son acogidos en otros lugares de la región. El Proceso de "
                "Quito y la puesta en práctica del Plan de Acción de Quito se consideran "
                "buenos ejemplos para articular una coordinación y una acción eficaces a nivel "
                "regional.\n\n"
                "El Director General Vitorino felicitó a los países por su respuesta y reiteró el "
                "compromiso de la OIM de seguir apoyando sus esfuerzos. Asimismo, destacó la "
                "importancia de la ayuda financiera de la comunidad internacional, en particular "
                "de la comunidad de donantes, a través del Plan Regional de Respuesta para "
                "Refugiados y Migrantes, cuyo objetivo es atender las necesidades de protección, "
                "asistencia e integración de los refugiados y migrantes venezolanos en los Estados "
                "concernidos de América Latina y el Caribe, complementando y fortaleciendo las "
                "respuestas nacionales y regionales de los gobiernos, de conformidad con los "
                "principios enunciados en la Declaración de Nueva York para los Refugiados y los "
                "Migrantes."
            ),
        },
        "starts_on": date(2019, 3, 21),
        "ends_on": date(2019, 3, 21),
        "timezone": "America/Argentina/Buenos_Aires",
        "city": {
            "en": "Buenos Aires",
            "fr": "Buenos Aires",
            "es": "Buenos Aires",
        },
        "country": "AR",
        "venue": None,
        "participant_count": None,
        "participant_count_qualifier": None,
        "states_count": None,
        "website": None,
        "day_unknown": False,
        "reproduction_of": SEED_BAPA,
        "series": None,
        "parent": "bapa40-buenos-aires-2019",
        "organizers": [
            {
                "role": "organizer",
                "name": {
                    "en": "Government of Ecuador",
                    "fr": "Gouvernement de l’Équateur",
                    "es": "Gobierno del Ecuador",
                },
            },
            {
                "role": "supporter",
                "name": IOM,
            },
            {
                "role": "supporter",
                "name": {
                    "en": "Office of the United Nations High Commissioner for Refugees (UNHCR)",
                    "fr": "Haut-Commissariat des Nations Unies pour les réfugiés (HCR)",
                    "es": (
                        "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados "
                        "(ACNUR)"
                    ),
                },
            },
            {
                "role": "participant",
                "name": IOM,
            },
        ],
        "delegations": [],
        "participants": [
            {
                "key": "vitorino",
                "name": "António Vitorino",
                "function": {
                    "en": "Director General of IOM",
                    "fr": "Directeur général de l’OIM",
                    "es": "Director General de la OIM",
                },
                "affiliation": None,
                "role": "speaker",
                "delegation": None,
            },
        ],
        "agenda": [],
        "documents": [],
        "press_contacts": [],
    },
]
