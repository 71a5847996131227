"""The IOM offices of the demo data: the regional offices (seed 000), the country offices with
resource-mobilization or coordinating functions (seed 001), IOM Argentina (seed 003) and the
Department of International Cooperation and Partnerships with its divisions (seed 004).

The French texts are copied from the seeds (/work/shared/seeds/); English and Spanish are
translations. Country offices whose parent office the seeds do not name have no parent.
"""

OFFICES: list[dict] = [
    {
        "slug": "bangkok",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Bangkok",
            "fr": "Bureau régional de Bangkok",
            "es": "Oficina Regional en Bangkok",
        },
        "city": {
            "en": "Bangkok",
            "fr": "Bangkok",
            "es": "Bangkok",
        },
        "country": "TH",
        "region": {
            "en": "Asia and the Pacific",
            "fr": "Asie et Pacifique",
            "es": "Asia y el Pacífico",
        },
        "description": {
            "en": (
                "Supports IOM offices in Asia and the Pacific; plans and coordinates the "
                "Organization’s activities, and maintains relations and partnerships with "
                "governments, development partners and civil society in the region; provides "
                "technical support to governments in developing national migration frameworks and "
                "strengthening migration management systems. The Office works closely with the "
                "United Nations Economic and Social Commission for Asia and the Pacific and other "
                "regional multilateral bodies, such as the South Asian Association for Regional "
                "Cooperation, the Asian Development Bank and the Association of Southeast Asian "
                "Nations. It provides programme support to regional initiatives such as the "
                "Colombo Process, the Bali Process on People Smuggling, Trafficking in Persons and "
                "Related Transnational Crime, the Asia-Pacific Consultations on Refugees, "
                "Displaced Persons and Migrants, and the Pacific Islands Forum Secretariat."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM en Asie et dans le Pacifique ; planifie et "
                "coordonne les activités de l’Organisation, et entretient des relations et des "
                "partenariats avec les gouvernements, des partenaires du développement et la "
                "société civile de la région ; fournit un soutien technique aux gouvernements dans "
                "l’élaboration de cadres nationaux sur la migration et le renforcement des "
                "systèmes de gestion des migrations. Ce bureau coopère étroitement avec la "
                "Commission économique et sociale des Nations Unies pour l’Asie et le Pacifique et "
                "d’autres organismes multilatéraux régionaux, tels que l’Association sud-asiatique "
                "de coopération régionale, la Banque asiatique de développement, et l’Association "
                "des Nations de l’Asie du Sud-Est. Il apporte un appui aux programmes en faveur "
                "d’initiatives régionales telles que le Processus de Colombo, le Processus de Bali "
                "sur le trafic illicite d’êtres humains, la traite des personnes et la criminalité "
                "transnationale connexe, les consultations Asie-Pacifique sur les réfugiés, les "
                "personnes déplacées et les migrants, et le Secrétariat du Forum des îles du "
                "Pacifique."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM en Asia y el Pacífico; planifica y coordina "
                "las actividades de la Organización, y mantiene relaciones y alianzas con los "
                "gobiernos, asociados para el desarrollo y la sociedad civil de la región; brinda "
                "apoyo técnico a los gobiernos en la elaboración de marcos nacionales de migración "
                "y el fortalecimiento de los sistemas de gestión de la migración. Esta Oficina "
                "coopera estrechamente con la Comisión Económica y Social de las Naciones Unidas "
                "para Asia y el Pacífico y otros organismos multilaterales regionales, como la "
                "Asociación del Asia Meridional para la Cooperación Regional, el Banco Asiático de "
                "Desarrollo y la Asociación de Naciones de Asia Sudoriental. Presta apoyo "
                "programático a iniciativas regionales como el Proceso de Colombo, el Proceso de "
                "Bali sobre el Tráfico Ilícito de Migrantes, la Trata de Personas y los Delitos "
                "Transnacionales Conexos, las Consultas Asia-Pacífico sobre Refugiados, Personas "
                "Desplazadas y Migrantes, y la Secretaría del Foro de las Islas del Pacífico."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": {
            "en": "South Asia",
            "fr": "Asie du Sud",
            "es": "Asia Meridional",
        },
        "coordination": True,
        "parent": None,
    },
    {
        "slug": "brussels",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Brussels",
            "fr": "Bureau régional de Bruxelles",
            "es": "Oficina Regional en Bruselas",
        },
        "city": {
            "en": "Brussels",
            "fr": "Bruxelles",
            "es": "Bruselas",
        },
        "country": "BE",
        "region": {
            "en": "European Economic Area",
            "fr": "Espace économique européen",
            "es": "Espacio Económico Europeo",
        },
        "description": {
            "en": (
                "Supports IOM offices in the European Economic Area; maintains relations and "
                "partnerships with governments, development partners and civil society in the "
                "region; provides technical support to governments in developing national "
                "migration frameworks and strengthening migration management systems; coordinates "
                "IOM’s approaches to policies and activities related to the European Union (EU); "
                "coordinates and advises the Organization and its offices worldwide on EU "
                "policies, programming and funding; coordinates relations and liaises on behalf of "
                "IOM with the EU institutions, the North Atlantic Treaty Organization, the "
                "Secretariat of the African, Caribbean and Pacific Group of States, the World "
                "Customs Organization and the other multilateral bodies headquartered in the "
                "region; and maintains relations with regional bodies."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM situés dans l’Espace économique européen ; "
                "entretient des relations et des partenariats avec les gouvernements, les "
                "partenaires du développement et la société civile de la région ; fournit un "
                "soutien technique aux gouvernements dans l’élaboration de cadres nationaux sur la "
                "migration et le renforcement des systèmes de gestion des migrations ; coordonne "
                "les approches de l’OIM concernant les politiques et les activités liées à l’Union "
                "européenne (UE) ; coordonne et conseille l’Organisation et ses bureaux du monde "
                "entier sur les politiques, la programmation et le financement de l’UE ; coordonne "
                "les relations et assure la liaison de l’OIM avec les institutions de l’UE, "
                "l’Organisation du Traité de l’Atlantique Nord, le Secrétariat du Groupe des Etats "
                "d’Afrique, des Caraïbes et du Pacifique, l’Organisation mondiale des douanes et "
                "les autres organismes multilatéraux dont le siège se trouve dans la région ; et "
                "entretient des relations avec des organismes régionaux."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM situadas en el Espacio Económico Europeo; "
                "mantiene relaciones y alianzas con los gobiernos, los asociados para el "
                "desarrollo y la sociedad civil de la región; brinda apoyo técnico a los gobiernos "
                "en la elaboración de marcos nacionales de migración y el fortalecimiento de los "
                "sistemas de gestión de la migración; coordina los enfoques de la OIM respecto de "
                "las políticas y actividades relacionadas con la Unión Europea (UE); coordina y "
                "asesora a la Organización y a sus oficinas en todo el mundo sobre las políticas, "
                "la programación y la financiación de la UE; coordina las relaciones y asegura el "
                "enlace de la OIM con las instituciones de la UE, la Organización del Tratado del "
                "Atlántico Norte, la Secretaría del Grupo de Estados de África, el Caribe y el "
                "Pacífico, la Organización Mundial de Aduanas y los demás organismos "
                "multilaterales con sede en la región; y mantiene relaciones con organismos "
                "regionales."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "vienna",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Vienna",
            "fr": "Bureau régional de Vienne",
            "es": "Oficina Regional en Viena",
        },
        "city": {
            "en": "Vienna",
            "fr": "Vienne",
            "es": "Viena",
        },
        "country": "AT",
        "region": {
            "en": "South-Eastern Europe, Eastern Europe and Central Asia",
            "fr": "Europe du Sud-Est, Europe orientale et Asie centrale",
            "es": "Europa Sudoriental, Europa Oriental y Asia Central",
        },
        "description": {
            "en": (
                "Supports IOM offices in South-Eastern Europe, including Turkey, Eastern Europe "
                "and Central Asia, and Israel; plans and coordinates IOM’s activities, and "
                "maintains relations and partnerships with governments, development partners and "
                "civil society in the region; provides technical support to governments in "
                "developing national migration frameworks and strengthening migration management "
                "systems; and maintains relations with the Organization for Security and "
                "Co-operation in Europe, the United Nations Office on Drugs and Crime, the United "
                "Nations Industrial Development Organization, the International Centre for "
                "Migration Policy Development, the International Anti-Corruption Academy, the "
                "Organization of the Black Sea Economic Cooperation, the Migration, Asylum, "
                "Refugees Regional Initiative and the Executive Secretariat of the Commonwealth of "
                "Independent States."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM qui se trouvent en Europe du Sud-Est, y "
                "compris la Turquie, l’Europe orientale et l’Asie centrale, et Israël ; planifie "
                "et coordonne les activités de l’OIM, et entretient des relations et des "
                "partenariats avec les gouvernements, les partenaires du développement et la "
                "société civile dans la région ; fournit un soutien technique aux gouvernements "
                "dans l’élaboration de cadres nationaux sur la migration et le renforcement des "
                "systèmes de gestion des migrations ; et entretient des relations avec "
                "l’Organisation pour la sécurité et la coopération en Europe, l’Office des Nations "
                "Unies contre la drogue et le crime, l’Organisation des Nations Unies pour le "
                "développement industriel, le Centre international pour le développement des "
                "politiques migratoires, l’Académie internationale de lutte contre la corruption, "
                "l’Organisation de coopération économique de la mer Noire, l’Initiative régionale "
                "sur la migration, l’asile et les réfugiés, et le Secrétariat exécutif de la "
                "Communauté d’Etats indépendants."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM situadas en Europa Sudoriental, incluida "
                "Turquía, Europa Oriental y Asia Central, e Israel; planifica y coordina las "
                "actividades de la OIM, y mantiene relaciones y alianzas con los gobiernos, los "
                "asociados para el desarrollo y la sociedad civil de la región; brinda apoyo "
                "técnico a los gobiernos en la elaboración de marcos nacionales de migración y el "
                "fortalecimiento de los sistemas de gestión de la migración; y mantiene relaciones "
                "con la Organización para la Seguridad y la Cooperación en Europa, la Oficina de "
                "las Naciones Unidas contra la Droga y el Delito, la Organización de las Naciones "
                "Unidas para el Desarrollo Industrial, el Centro Internacional para el Desarrollo "
                "de Políticas Migratorias, la Academia Internacional contra la Corrupción, la "
                "Organización de Cooperación Económica del Mar Negro, la Iniciativa Regional sobre "
                "Migración, Asilo y Refugiados, y la Secretaría Ejecutiva de la Comunidad de "
                "Estados Independientes."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "cairo",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Cairo",
            "fr": "Bureau régional du Caire",
            "es": "Oficina Regional en El Cairo",
        },
        "city": {
            "en": "Cairo",
            "fr": "Le Caire",
            "es": "El Cairo",
        },
        "country": "EG",
        "region": {
            "en": "Middle East and North Africa",
            "fr": "Moyen-Orient et Afrique du Nord",
            "es": "Oriente Medio y Norte de África",
        },
        "description": {
            "en": (
                "Supports IOM offices in the Middle East and North Africa; plans and coordinates "
                "activities, and maintains relations and partnerships with governments, "
                "development partners and civil society in the region, such as the League of Arab "
                "States, the United Nations Economic and Social Commission for Western Asia and "
                "the Arab Labour Organization; provides technical support to governments in "
                "developing national migration frameworks and strengthening migration management "
                "systems; and supports regional dialogue processes such as the Abu Dhabi Dialogue."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM du Moyen-Orient et d’Afrique du Nord ; "
                "planifie et coordonne les activités, et entretient des relations et des "
                "partenariats avec les gouvernements, les partenaires du développement et la "
                "société civile de la région, tels que la Ligue des Etats arabes, la Commission "
                "économique et sociale des Nations Unies pour l’Asie occidentale, et "
                "l’Organisation arabe du travail ; fournit un soutien technique aux gouvernements "
                "dans l’élaboration de cadres nationaux sur la migration et le renforcement des "
                "systèmes de gestion des migrations ; et appuie des processus de dialogue "
                "régionaux tels que le Dialogue d’Abou Dhabi."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM de Oriente Medio y Norte de África; "
                "planifica y coordina las actividades, y mantiene relaciones y alianzas con los "
                "gobiernos, los asociados para el desarrollo y la sociedad civil de la región, "
                "como la Liga de los Estados Árabes, la Comisión Económica y Social de las "
                "Naciones Unidas para Asia Occidental y la Organización Árabe del Trabajo; brinda "
                "apoyo técnico a los gobiernos en la elaboración de marcos nacionales de migración "
                "y el fortalecimiento de los sistemas de gestión de la migración; y apoya procesos "
                "de diálogo regionales como el Diálogo de Abu Dabi."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "dakar",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Dakar",
            "fr": "Bureau régional de Dakar",
            "es": "Oficina Regional en Dakar",
        },
        "city": {
            "en": "Dakar",
            "fr": "Dakar",
            "es": "Dakar",
        },
        "country": "SN",
        "region": {
            "en": "West and Central Africa",
            "fr": "Afrique de l’Ouest et du Centre",
            "es": "África Occidental y Central",
        },
        "description": {
            "en": (
                "Supports IOM offices in West and Central Africa; plans and coordinates "
                "activities, and maintains relations and partnerships with governments, "
                "development partners and civil society in the region; provides technical support "
                "to governments in developing national migration frameworks and strengthening "
                "migration management systems; maintains relations with the Economic Community of "
                "West African States and the Economic Community of Central African States, to "
                "which it provides capacity-building support; and encourages and supports regional "
                "dialogue processes such as the Migration Dialogue for West Africa or the very "
                "recent Migration Dialogue for Central African States."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM situés en Afrique de l’Ouest et du Centre ; "
                "planifie et coordonne les activités, et entretient des relations et des "
                "partenariats avec les gouvernements, les partenaires du développement et la "
                "société civile de la région ; fournit un soutien technique aux gouvernements dans "
                "l’élaboration de cadres nationaux sur la migration et le renforcement des "
                "systèmes de gestion des migrations ; entretient des relations avec la Communauté "
                "économique des Etats de l’Afrique de l’Ouest et la Communauté économique des "
                "Etats de l’Afrique centrale, auxquelles il apporte un soutien en matière de "
                "renforcement des capacités ; et encourage et appuie des processus de dialogue "
                "régionaux tels que le Dialogue sur la migration pour l’Afrique de l’Ouest, ou le "
                "tout récent Dialogue sur la migration pour les Etats de l’Afrique centrale."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM situadas en África Occidental y Central; "
                "planifica y coordina las actividades, y mantiene relaciones y alianzas con los "
                "gobiernos, los asociados para el desarrollo y la sociedad civil de la región; "
                "brinda apoyo técnico a los gobiernos en la elaboración de marcos nacionales de "
                "migración y el fortalecimiento de los sistemas de gestión de la migración; "
                "mantiene relaciones con la Comunidad Económica de los Estados de África "
                "Occidental y la Comunidad Económica de los Estados de África Central, a las que "
                "presta apoyo en materia de fortalecimiento de capacidades; y fomenta y apoya "
                "procesos de diálogo regionales como el Diálogo sobre la Migración en África "
                "Occidental o el muy reciente Diálogo sobre la Migración en los Estados de África "
                "Central."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "nairobi",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Nairobi",
            "fr": "Bureau régional de Nairobi",
            "es": "Oficina Regional en Nairobi",
        },
        "city": {
            "en": "Nairobi",
            "fr": "Nairobi",
            "es": "Nairobi",
        },
        "country": "KE",
        "region": {
            "en": "East Africa and the Horn of Africa",
            "fr": "Afrique de l’Est et Corne de l’Afrique",
            "es": "África Oriental y el Cuerno de África",
        },
        "description": {
            "en": (
                "Supports IOM offices in East Africa and the Horn of Africa; maintains relations "
                "and partnerships with governments, development partners and civil society in the "
                "region; provides technical support to governments in developing national "
                "migration frameworks and strengthening migration management systems; promotes the "
                "regional consultative process for East African States; maintains relations with "
                "the United Nations Office at Nairobi, the United Nations Environment Programme "
                "and the United Nations Human Settlements Programme; maintains relations with the "
                "East African Community and the Intergovernmental Authority on Development and "
                "supports them in fostering cooperation and dialogue on migration in the region."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM en Afrique de l’Est et dans la Corne de "
                "l’Afrique ; entretient des relations et des partenariats avec les gouvernements, "
                "les partenaires du développement et la société civile dans la région ; fournit un "
                "soutien technique aux gouvernements dans l’élaboration de cadres nationaux sur la "
                "migration et le renforcement des systèmes de gestion des migrations ; promeut le "
                "processus consultatif régional pour les Etats de l’Afrique de l’Est ; entretient "
                "des relations avec l’Office des Nations Unies à Nairobi, le Programme des Nations "
                "Unies pour l’environnement, et le Programme des Nations Unies pour les "
                "établissements humains ; entretient des relations avec la Communauté d’Afrique de "
                "l’Est et l’Autorité intergouvernementale pour le développement et leur apporte un "
                "soutien afin de stimuler la coopération et le dialogue sur la migration dans la "
                "région."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM en África Oriental y el Cuerno de África; "
                "mantiene relaciones y alianzas con los gobiernos, los asociados para el "
                "desarrollo y la sociedad civil de la región; brinda apoyo técnico a los gobiernos "
                "en la elaboración de marcos nacionales de migración y el fortalecimiento de los "
                "sistemas de gestión de la migración; promueve el proceso consultivo regional para "
                "los Estados de África Oriental; mantiene relaciones con la Oficina de las "
                "Naciones Unidas en Nairobi, el Programa de las Naciones Unidas para el Medio "
                "Ambiente y el Programa de las Naciones Unidas para los Asentamientos Humanos; "
                "mantiene relaciones con la Comunidad de África Oriental y la Autoridad "
                "Intergubernamental para el Desarrollo y les presta apoyo para fomentar la "
                "cooperación y el diálogo sobre la migración en la región."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "pretoria",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Pretoria",
            "fr": "Bureau régional de Pretoria",
            "es": "Oficina Regional en Pretoria",
        },
        "city": {
            "en": "Pretoria",
            "fr": "Pretoria",
            "es": "Pretoria",
        },
        "country": "ZA",
        "region": {
            "en": "Southern African Development Community, Comoros and Seychelles",
            "fr": "Communauté de développement de l’Afrique australe, Comores et Seychelles",
            "es": "Comunidad de África Meridional para el Desarrollo, Comoras y Seychelles",
        },
        "description": {
            "en": (
                "Supports IOM offices in the Member States of the Southern African Development "
                "Community, the Comoros and Seychelles; plans and coordinates activities, and "
                "maintains relations and partnerships with governments, development partners and "
                "civil society in the region; provides technical support to governments in "
                "developing national migration frameworks and strengthening migration management "
                "systems; promotes regional consultative processes for Southern African States; "
                "acts as a link on migration and development between the Secretariat of the "
                "Pan-African Parliament and the Secretariat of the African Union’s New Partnership "
                "for Africa’s Development, and cooperates with the secretariats of the Southern "
                "African Development Community and the Common Market for Eastern and Southern "
                "Africa to strengthen cooperation and dialogue on migration at the regional level."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM situés dans les Etats membres de la "
                "Communauté de développement de l’Afrique australe, aux Comores et dans les "
                "Seychelles ; planifie et coordonne les activités, et entretient des relations et "
                "des partenariats avec les gouvernements, les partenaires du développement et la "
                "société civile de la région ; fournit un soutien technique aux gouvernements dans "
                "l’élaboration de cadres nationaux sur la migration et le renforcement des "
                "systèmes de gestion des migrations ; encourage les processus consultatifs "
                "régionaux en faveur des Etats de l’Afrique australe ; sert de trait d’union sur "
                "la thématique migration et développement entre le Secrétariat du Parlement "
                "panafricain et le Secrétariat du nouveau Partenariat pour le développement de "
                "l’Afrique de l’Union africaine, et coopère avec les secrétariats de la Communauté "
                "de développement de l’Afrique australe et du Marché commun de l’Afrique orientale "
                "et australe en vue de renforcer la coopération et le dialogue sur la migration à "
                "l’échelle régionale."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM situadas en los Estados miembros de la "
                "Comunidad de África Meridional para el Desarrollo, las Comoras y Seychelles; "
                "planifica y coordina las actividades, y mantiene relaciones y alianzas con los "
                "gobiernos, los asociados para el desarrollo y la sociedad civil de la región; "
                "brinda apoyo técnico a los gobiernos en la elaboración de marcos nacionales de "
                "migración y el fortalecimiento de los sistemas de gestión de la migración; "
                "fomenta los procesos consultivos regionales para los Estados de África "
                "Meridional; sirve de enlace en materia de migración y desarrollo entre la "
                "Secretaría del Parlamento Panafricano y la Secretaría de la Nueva Alianza para el "
                "Desarrollo de África de la Unión Africana, y coopera con las secretarías de la "
                "Comunidad de África Meridional para el Desarrollo y del Mercado Común para África "
                "Oriental y Meridional a fin de reforzar la cooperación y el diálogo sobre la "
                "migración a escala regional."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "buenos-aires",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in Buenos Aires",
            "fr": "Bureau régional de Buenos Aires",
            "es": "Oficina Regional en Buenos Aires",
        },
        "city": {
            "en": "Buenos Aires",
            "fr": "Buenos Aires",
            "es": "Buenos Aires",
        },
        "country": "AR",
        "region": {
            "en": "South America",
            "fr": "Amérique du Sud",
            "es": "América del Sur",
        },
        "description": {
            "en": (
                "Supports IOM offices in South America, and works with public authorities and "
                "implements projects in the countries where there is as yet no office, namely "
                "Brazil; plans and coordinates activities and maintains relations and partnerships "
                "with governments, development partners and civil society in the region; conducts "
                "research and publishes studies on the migration issues arising in the region; "
                "provides technical support to governments in developing national migration "
                "frameworks and strengthening migration management systems, including under the "
                "Latin American Programme of Cooperation on Migration (PLACMI); serves as the "
                "technical secretariat of the South American Conference on Migration; works with "
                "subregional integration processes such as the Andean Community and the Southern "
                "Common Market (MERCOSUR), to which it provides technical support; maintains "
                "relations with regional bodies such as the Union of South American Nations "
                "(UNASUR) and the MERCOSUR Parliament (PARLASUR); and liaises with multilateral "
                "institutions based in the region, such as the Economic Commission for Latin "
                "America and the Caribbean, the Latin American and Caribbean Demographic Centre "
                "and the Latin American and Caribbean Economic System."
            ),
            "fr": (
                "Apporte un soutien aux bureaux de l’OIM situés en Amérique du Sud et collabore "
                "avec les pouvoirs publics et met en oeuvre des projets dans les pays où ne se "
                "trouve pour l’instant aucun bureau, à savoir le Brésil ; planifie et coordonne "
                "les activités et entretient des relations et des partenariats avec les "
                "gouvernements, les partenaires du développement et la société civile de la région "
                "; effectue des recherches et publie des études sur les questions de migration qui "
                "se posent dans la région ; fournit un soutien technique aux gouvernements dans "
                "l’élaboration de cadres nationaux sur la migration et le renforcement des "
                "systèmes de gestion des migrations, notamment au titre du Programme "
                "latino-américain de coopération en matière de migrations (PLACMI) ; assure le "
                "secrétariat technique de la Conférence sud-américaine sur la migration ; "
                "collabore avec des processus d’intégration sous-régionaux tels que la Communauté "
                "andine et le Marché commun du Sud (MERCOSUR), auxquels il apporte un soutien "
                "technique ; entretient des relations avec des organismes régionaux tels que "
                "l’Union des Nations de l’Amérique du Sud (UNASUR) et le Parlement du MERCOSUR "
                "(PARLASUR) ; et assure la liaison avec des institutions multilatérales basées "
                "dans la région, telles que la Commission économique pour l’Amérique latine et les "
                "Caraïbes, le Centre de démographie d’Amérique latine et des Caraïbes, et le "
                "Système économique latino-américain et caribéen."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM situadas en América del Sur, colabora con "
                "las autoridades públicas y ejecuta proyectos en los países donde por el momento "
                "no hay ninguna oficina, a saber, el Brasil; planifica y coordina las actividades "
                "y mantiene relaciones y alianzas con los gobiernos, los asociados para el "
                "desarrollo y la sociedad civil de la región; realiza investigaciones y publica "
                "estudios sobre las cuestiones migratorias que se plantean en la región; brinda "
                "apoyo técnico a los gobiernos en la elaboración de marcos nacionales de migración "
                "y el fortalecimiento de los sistemas de gestión de la migración, en particular en "
                "el marco del Programa Latinoamericano de Cooperación en materia de Migraciones "
                "(PLACMI); ejerce la secretaría técnica de la Conferencia Suramericana sobre "
                "Migraciones; colabora con procesos de integración subregionales como la Comunidad "
                "Andina y el Mercado Común del Sur (MERCOSUR), a los que presta apoyo técnico; "
                "mantiene relaciones con organismos regionales como la Unión de Naciones "
                "Suramericanas (UNASUR) y el Parlamento del MERCOSUR (PARLASUR); y asegura el "
                "enlace con instituciones multilaterales con sede en la región, como la Comisión "
                "Económica para América Latina y el Caribe, el Centro Latinoamericano y Caribeño "
                "de Demografía y el Sistema Económico Latinoamericano y del Caribe."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "san-jose",
        "kind": "regional_office",
        "name": {
            "en": "Regional Office in San José",
            "fr": "Bureau régional de San José",
            "es": "Oficina Regional en San José",
        },
        "city": {
            "en": "San José",
            "fr": "San José",
            "es": "San José",
        },
        "country": "CR",
        "region": {
            "en": "Central America, North America and the Caribbean",
            "fr": "Amérique centrale, Amérique du Nord et Caraïbes",
            "es": "Centroamérica, Norteamérica y el Caribe",
        },
        "description": {
            "en": (
                "Supports IOM offices in Central America, North America and the Caribbean; plans "
                "and coordinates strategies and activities in the region, and maintains relations "
                "and partnerships with governments, development partners and civil society; "
                "provides technical support to governments in developing national migration "
                "frameworks and strengthening migration management systems; works with the "
                "Regional Conference on Migration and other relevant subregional and regional "
                "processes, such as the Central American Integration System (SICA), the Central "
                "American Commission of Migration Directors and the Caribbean Community; and "
                "maintains relations with regional multilateral institutions, such as the "
                "Organization of American States, the Inter-American Development Bank and the Pan "
                "American Health Organization."
            ),
            "fr": (
                "Apporte un appui aux bureaux de l’OIM situés en Amérique centrale, en Amérique du "
                "Nord et dans les Caraïbes ; planifie et coordonne les stratégies et les activités "
                "menées dans la région, et entretient des relations et des partenariats avec les "
                "gouvernements, les partenaires du développement et la société civile ; fournit un "
                "soutien technique aux gouvernements dans l’élaboration de cadres nationaux sur la "
                "migration et le renforcement des systèmes de gestion des migrations ; collabore "
                "avec la Conférence régionale sur la migration et d’autres processus "
                "sous-régionaux et régionaux pertinents, tels que le Système d’intégration de "
                "l’Amérique centrale (SICA), la Commission centraméricaine des directeurs de la "
                "migration et la Communauté des Caraïbes ; et entretient des relations avec des "
                "institutions multilatérales régionales, telles que l’Organisation des Etats "
                "américains, la Banque interaméricaine du développement, et l’Organisation "
                "panaméricaine de la Santé."
            ),
            "es": (
                "Presta apoyo a las oficinas de la OIM situadas en Centroamérica, Norteamérica y "
                "el Caribe; planifica y coordina las estrategias y actividades que se llevan a "
                "cabo en la región, y mantiene relaciones y alianzas con los gobiernos, los "
                "asociados para el desarrollo y la sociedad civil; brinda apoyo técnico a los "
                "gobiernos en la elaboración de marcos nacionales de migración y el "
                "fortalecimiento de los sistemas de gestión de la migración; colabora con la "
                "Conferencia Regional sobre Migración y otros procesos subregionales y regionales "
                "pertinentes, como el Sistema de la Integración Centroamericana (SICA), la "
                "Comisión Centroamericana de Directores de Migración y la Comunidad del Caribe; y "
                "mantiene relaciones con instituciones multilaterales regionales, como la "
                "Organización de los Estados Americanos, el Banco Interamericano de Desarrollo y "
                "la Organización Panamericana de la Salud."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "berlin",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Berlin",
            "fr": "Bureau de pays de Berlin",
            "es": "Oficina de País en Berlín",
        },
        "city": {
            "en": "Berlin",
            "fr": "Berlin",
            "es": "Berlín",
        },
        "country": "DE",
        "region": None,
        "description": {
            "en": (
                "Has additional resource mobilization responsibilities, to ensure effective "
                "fundraising and donor relations: it is one of the five country offices that "
                "coordinate a significant share of the funding of IOM activities worldwide. "
                "Supports the development of funding policies, sets priorities and procedures, "
                "prepares proposals, and develops fundraising strategies and mechanisms for "
                "national programmes and projects in line with the Organization’s strategic "
                "direction and priorities."
            ),
            "fr": (
                "Assume des responsabilités additionnelles en matière de mobilisation des "
                "ressources, pour garantir l’efficacité des appels de fonds et des relations avec "
                "les donateurs : c’est l’un des cinq bureaux de pays qui coordonnent une part "
                "importante du financement des activités de l’OIM dans le monde. Apporte son appui "
                "à l’élaboration de politiques de financement, fixe les priorités et les "
                "procédures, prépare des propositions et élabore des stratégies et des mécanismes "
                "de mobilisation de fonds destinés à des programmes et des projets nationaux "
                "conformément à l’orientation stratégique et aux priorités de l’Organisation."
            ),
            "es": (
                "Asume responsabilidades adicionales en materia de movilización de recursos, para "
                "garantizar la eficacia de los llamamientos de fondos y de las relaciones con los "
                "donantes: es una de las cinco oficinas en los países que coordinan una parte "
                "importante de la financiación de las actividades de la OIM en el mundo. Presta "
                "apoyo a la elaboración de políticas de financiación, establece las prioridades y "
                "los procedimientos, prepara propuestas y elabora estrategias y mecanismos de "
                "movilización de fondos destinados a programas y proyectos nacionales, de "
                "conformidad con la orientación estratégica y las prioridades de la Organización."
            ),
        },
        "resource_mobilization": True,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "helsinki",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Helsinki",
            "fr": "Bureau de pays de Helsinki",
            "es": "Oficina de País en Helsinki",
        },
        "city": {
            "en": "Helsinki",
            "fr": "Helsinki",
            "es": "Helsinki",
        },
        "country": "FI",
        "region": None,
        "description": {
            "en": (
                "Has additional resource mobilization responsibilities, to ensure effective "
                "fundraising and donor relations: it is one of the five country offices that "
                "coordinate a significant share of the funding of IOM activities worldwide. "
                "Supports the development of funding policies, sets priorities and procedures, "
                "prepares proposals, and develops fundraising strategies and mechanisms for "
                "national programmes and projects in line with the Organization’s strategic "
                "direction and priorities."
            ),
            "fr": (
                "Assume des responsabilités additionnelles en matière de mobilisation des "
                "ressources, pour garantir l’efficacité des appels de fonds et des relations avec "
                "les donateurs : c’est l’un des cinq bureaux de pays qui coordonnent une part "
                "importante du financement des activités de l’OIM dans le monde. Apporte son appui "
                "à l’élaboration de politiques de financement, fixe les priorités et les "
                "procédures, prépare des propositions et élabore des stratégies et des mécanismes "
                "de mobilisation de fonds destinés à des programmes et des projets nationaux "
                "conformément à l’orientation stratégique et aux priorités de l’Organisation."
            ),
            "es": (
                "Asume responsabilidades adicionales en materia de movilización de recursos, para "
                "garantizar la eficacia de los llamamientos de fondos y de las relaciones con los "
                "donantes: es una de las cinco oficinas en los países que coordinan una parte "
                "importante de la financiación de las actividades de la OIM en el mundo. Presta "
                "apoyo a la elaboración de políticas de financiación, establece las prioridades y "
                "los procedimientos, prepara propuestas y elabora estrategias y mecanismos de "
                "movilización de fondos destinados a programas y proyectos nacionales, de "
                "conformidad con la orientación estratégica y las prioridades de la Organización."
            ),
        },
        "resource_mobilization": True,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "london",
        "kind": "country_office",
        "name": {
            "en": "Country Office in London",
            "fr": "Bureau de pays de Londres",
            "es": "Oficina de País en Londres",
        },
        "city": {
            "en": "London",
            "fr": "Londres",
            "es": "Londres",
        },
        "country": "GB",
        "region": None,
        "description": {
            "en": (
                "Has additional resource mobilization responsibilities, to ensure effective "
                "fundraising and donor relations: it is one of the five country offices that "
                "coordinate a significant share of the funding of IOM activities worldwide. "
                "Supports the development of funding policies, sets priorities and procedures, "
                "prepares proposals, and develops fundraising strategies and mechanisms for "
                "national programmes and projects in line with the Organization’s strategic "
                "direction and priorities."
            ),
            "fr": (
                "Assume des responsabilités additionnelles en matière de mobilisation des "
                "ressources, pour garantir l’efficacité des appels de fonds et des relations avec "
                "les donateurs : c’est l’un des cinq bureaux de pays qui coordonnent une part "
                "importante du financement des activités de l’OIM dans le monde. Apporte son appui "
                "à l’élaboration de politiques de financement, fixe les priorités et les "
                "procédures, prépare des propositions et élabore des stratégies et des mécanismes "
                "de mobilisation de fonds destinés à des programmes et des projets nationaux "
                "conformément à l’orientation stratégique et aux priorités de l’Organisation."
            ),
            "es": (
                "Asume responsabilidades adicionales en materia de movilización de recursos, para "
                "garantizar la eficacia de los llamamientos de fondos y de las relaciones con los "
                "donantes: es una de las cinco oficinas en los países que coordinan una parte "
                "importante de la financiación de las actividades de la OIM en el mundo. Presta "
                "apoyo a la elaboración de políticas de financiación, establece las prioridades y "
                "los procedimientos, prepara propuestas y elabora estrategias y mecanismos de "
                "movilización de fondos destinados a programas y proyectos nacionales, de "
                "conformidad con la orientación estratégica y las prioridades de la Organización."
            ),
        },
        "resource_mobilization": True,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "tokyo",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Tokyo",
            "fr": "Bureau de pays de Tokyo",
            "es": "Oficina de País en Tokio",
        },
        "city": {
            "en": "Tokyo",
            "fr": "Tokyo",
            "es": "Tokio",
        },
        "country": "JP",
        "region": None,
        "description": {
            "en": (
                "Has additional resource mobilization responsibilities, to ensure effective "
                "fundraising and donor relations: it is one of the five country offices that "
                "coordinate a significant share of the funding of IOM activities worldwide. "
                "Supports the development of funding policies, sets priorities and procedures, "
                "prepares proposals, and develops fundraising strategies and mechanisms for "
                "national programmes and projects in line with the Organization’s strategic "
                "direction and priorities."
            ),
            "fr": (
                "Assume des responsabilités additionnelles en matière de mobilisation des "
                "ressources, pour garantir l’efficacité des appels de fonds et des relations avec "
                "les donateurs : c’est l’un des cinq bureaux de pays qui coordonnent une part "
                "importante du financement des activités de l’OIM dans le monde. Apporte son appui "
                "à l’élaboration de politiques de financement, fixe les priorités et les "
                "procédures, prépare des propositions et élabore des stratégies et des mécanismes "
                "de mobilisation de fonds destinés à des programmes et des projets nationaux "
                "conformément à l’orientation stratégique et aux priorités de l’Organisation."
            ),
            "es": (
                "Asume responsabilidades adicionales en materia de movilización de recursos, para "
                "garantizar la eficacia de los llamamientos de fondos y de las relaciones con los "
                "donantes: es una de las cinco oficinas en los países que coordinan una parte "
                "importante de la financiación de las actividades de la OIM en el mundo. Presta "
                "apoyo a la elaboración de políticas de financiación, establece las prioridades y "
                "los procedimientos, prepara propuestas y elabora estrategias y mecanismos de "
                "movilización de fondos destinados a programas y proyectos nacionales, de "
                "conformidad con la orientación estratégica y las prioridades de la Organización."
            ),
        },
        "resource_mobilization": True,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "washington",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Washington, D.C.",
            "fr": "Bureau de pays de Washington, D.C.",
            "es": "Oficina de País en Washington, D.C.",
        },
        "city": {
            "en": "Washington, D.C.",
            "fr": "Washington, D.C.",
            "es": "Washington, D.C.",
        },
        "country": "US",
        "region": None,
        "description": {
            "en": (
                "Has additional resource mobilization responsibilities, to ensure effective "
                "fundraising and donor relations: it is one of the five country offices that "
                "coordinate a significant share of the funding of IOM activities worldwide. "
                "Supports the development of funding policies, sets priorities and procedures, "
                "prepares proposals, and develops fundraising strategies and mechanisms for "
                "national programmes and projects in line with the Organization’s strategic "
                "direction and priorities."
            ),
            "fr": (
                "Assume des responsabilités additionnelles en matière de mobilisation des "
                "ressources, pour garantir l’efficacité des appels de fonds et des relations avec "
                "les donateurs : c’est l’un des cinq bureaux de pays qui coordonnent une part "
                "importante du financement des activités de l’OIM dans le monde. Apporte son appui "
                "à l’élaboration de politiques de financement, fixe les priorités et les "
                "procédures, prépare des propositions et élabore des stratégies et des mécanismes "
                "de mobilisation de fonds destinés à des programmes et des projets nationaux "
                "conformément à l’orientation stratégique et aux priorités de l’Organisation."
            ),
            "es": (
                "Asume responsabilidades adicionales en materia de movilización de recursos, para "
                "garantizar la eficacia de los llamamientos de fondos y de las relaciones con los "
                "donantes: es una de las cinco oficinas en los países que coordinan una parte "
                "importante de la financiación de las actividades de la OIM en el mundo. Presta "
                "apoyo a la elaboración de políticas de financiación, establece las prioridades y "
                "los procedimientos, prepara propuestas y elabora estrategias y mecanismos de "
                "movilización de fondos destinados a programas y proyectos nacionales, de "
                "conformidad con la orientación estratégica y las prioridades de la Organización."
            ),
        },
        "resource_mobilization": True,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "nur-sultan",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Nur-Sultan",
            "fr": "Bureau de pays de Nour-Soultan",
            "es": "Oficina de País en Nur-Sultán",
        },
        "city": {
            "en": "Nur-Sultan",
            "fr": "Nour-Soultan",
            "es": "Nur-Sultán",
        },
        "country": "KZ",
        "region": {
            "en": "Central Asia",
            "fr": "Asie centrale",
            "es": "Asia Central",
        },
        "description": {
            "en": (
                "A country office assigned coordinating functions to address the migration "
                "dynamics particular to a subregion, within the larger geographical region covered "
                "by a regional office. Helps to address the migration issues specific to the "
                "subregion and the emerging trends within it, and to promote new IOM membership "
                "within the subregion. Sets priorities for project development and resource "
                "mobilization, and stimulates, leads and supports project development within the "
                "cluster of offices in the context of subregional strategies, policies and "
                "consultative processes."
            ),
            "fr": (
                "Bureau de pays auquel ont été attribuées des fonctions de coordination pour "
                "s’occuper des dynamiques migratoires propres à une sous-région, à l’intérieur de "
                "la grande région géographique couverte par un bureau régional. Apporte son "
                "concours pour faire face aux questions de migration propres à la sous-région et "
                "aux tendances émergentes dans celle-ci, et promouvoir de nouvelles adhésions à "
                "l’OIM au sein de la sous-région. Fixe des priorités en matière d’élaboration de "
                "projets et de mobilisation des ressources, et stimule, dirige et soutient "
                "l’élaboration de projets au sein du groupe de bureaux dans le contexte des "
                "stratégies, politiques et processus consultatifs sous-régionaux."
            ),
            "es": (
                "Oficina en el país a la que se han asignado funciones de coordinación para "
                "atender las dinámicas migratorias propias de una subregión, dentro de la gran "
                "región geográfica que abarca una oficina regional. Contribuye a abordar las "
                "cuestiones migratorias propias de la subregión y las tendencias emergentes en "
                "ella, y a promover nuevas adhesiones a la OIM en la subregión. Establece "
                "prioridades en materia de elaboración de proyectos y movilización de recursos, y "
                "estimula, dirige y apoya la elaboración de proyectos en el grupo de oficinas, en "
                "el contexto de las estrategias, políticas y procesos consultivos subregionales."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": {
            "en": "Central Asia",
            "fr": "Asie centrale",
            "es": "Asia Central",
        },
        "coordination": True,
        "parent": None,
    },
    {
        "slug": "canberra",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Canberra",
            "fr": "Bureau de pays de Canberra",
            "es": "Oficina de País en Canberra",
        },
        "city": {
            "en": "Canberra",
            "fr": "Canberra",
            "es": "Canberra",
        },
        "country": "AU",
        "region": {
            "en": "Pacific",
            "fr": "Pacifique",
            "es": "Pacífico",
        },
        "description": {
            "en": (
                "A country office assigned coordinating functions to address the migration "
                "dynamics particular to a subregion, within the larger geographical region covered "
                "by a regional office. Helps to address the migration issues specific to the "
                "subregion and the emerging trends within it, and to promote new IOM membership "
                "within the subregion. Sets priorities for project development and resource "
                "mobilization, and stimulates, leads and supports project development within the "
                "cluster of offices in the context of subregional strategies, policies and "
                "consultative processes."
            ),
            "fr": (
                "Bureau de pays auquel ont été attribuées des fonctions de coordination pour "
                "s’occuper des dynamiques migratoires propres à une sous-région, à l’intérieur de "
                "la grande région géographique couverte par un bureau régional. Apporte son "
                "concours pour faire face aux questions de migration propres à la sous-région et "
                "aux tendances émergentes dans celle-ci, et promouvoir de nouvelles adhésions à "
                "l’OIM au sein de la sous-région. Fixe des priorités en matière d’élaboration de "
                "projets et de mobilisation des ressources, et stimule, dirige et soutient "
                "l’élaboration de projets au sein du groupe de bureaux dans le contexte des "
                "stratégies, politiques et processus consultatifs sous-régionaux."
            ),
            "es": (
                "Oficina en el país a la que se han asignado funciones de coordinación para "
                "atender las dinámicas migratorias propias de una subregión, dentro de la gran "
                "región geográfica que abarca una oficina regional. Contribuye a abordar las "
                "cuestiones migratorias propias de la subregión y las tendencias emergentes en "
                "ella, y a promover nuevas adhesiones a la OIM en la subregión. Establece "
                "prioridades en materia de elaboración de proyectos y movilización de recursos, y "
                "estimula, dirige y apoya la elaboración de proyectos en el grupo de oficinas, en "
                "el contexto de las estrategias, políticas y procesos consultivos subregionales."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": {
            "en": "Pacific",
            "fr": "Pacifique",
            "es": "Pacífico",
        },
        "coordination": True,
        "parent": None,
    },
    {
        "slug": "georgetown",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Georgetown",
            "fr": "Bureau de pays de Georgetown",
            "es": "Oficina de País en Georgetown",
        },
        "city": {
            "en": "Georgetown",
            "fr": "Georgetown",
            "es": "Georgetown",
        },
        "country": "GY",
        "region": {
            "en": "Caribbean",
            "fr": "Caraïbes",
            "es": "Caribe",
        },
        "description": {
            "en": (
                "A country office assigned coordinating functions to address the migration "
                "dynamics particular to a subregion, within the larger geographical region covered "
                "by a regional office. Helps to address the migration issues specific to the "
                "subregion and the emerging trends within it, and to promote new IOM membership "
                "within the subregion. Sets priorities for project development and resource "
                "mobilization, and stimulates, leads and supports project development within the "
                "cluster of offices in the context of subregional strategies, policies and "
                "consultative processes."
            ),
            "fr": (
                "Bureau de pays auquel ont été attribuées des fonctions de coordination pour "
                "s’occuper des dynamiques migratoires propres à une sous-région, à l’intérieur de "
                "la grande région géographique couverte par un bureau régional. Apporte son "
                "concours pour faire face aux questions de migration propres à la sous-région et "
                "aux tendances émergentes dans celle-ci, et promouvoir de nouvelles adhésions à "
                "l’OIM au sein de la sous-région. Fixe des priorités en matière d’élaboration de "
                "projets et de mobilisation des ressources, et stimule, dirige et soutient "
                "l’élaboration de projets au sein du groupe de bureaux dans le contexte des "
                "stratégies, politiques et processus consultatifs sous-régionaux."
            ),
            "es": (
                "Oficina en el país a la que se han asignado funciones de coordinación para "
                "atender las dinámicas migratorias propias de una subregión, dentro de la gran "
                "región geográfica que abarca una oficina regional. Contribuye a abordar las "
                "cuestiones migratorias propias de la subregión y las tendencias emergentes en "
                "ella, y a promover nuevas adhesiones a la OIM en la subregión. Establece "
                "prioridades en materia de elaboración de proyectos y movilización de recursos, y "
                "estimula, dirige y apoya la elaboración de proyectos en el grupo de oficinas, en "
                "el contexto de las estrategias, políticas y procesos consultivos subregionales."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": {
            "en": "Caribbean",
            "fr": "Caraïbes",
            "es": "Caribe",
        },
        "coordination": True,
        "parent": None,
    },
    {
        "slug": "rome",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Rome",
            "fr": "Bureau de pays de Rome",
            "es": "Oficina de País en Roma",
        },
        "city": {
            "en": "Rome",
            "fr": "Rome",
            "es": "Roma",
        },
        "country": "IT",
        "region": {
            "en": "Mediterranean",
            "fr": "Méditerranée",
            "es": "Mediterráneo",
        },
        "description": {
            "en": (
                "A country office assigned coordinating functions to address the migration "
                "dynamics particular to a subregion, within the larger geographical region covered "
                "by a regional office. Helps to address the migration issues specific to the "
                "subregion and the emerging trends within it, and to promote new IOM membership "
                "within the subregion. Sets priorities for project development and resource "
                "mobilization, and stimulates, leads and supports project development within the "
                "cluster of offices in the context of subregional strategies, policies and "
                "consultative processes."
            ),
            "fr": (
                "Bureau de pays auquel ont été attribuées des fonctions de coordination pour "
                "s’occuper des dynamiques migratoires propres à une sous-région, à l’intérieur de "
                "la grande région géographique couverte par un bureau régional. Apporte son "
                "concours pour faire face aux questions de migration propres à la sous-région et "
                "aux tendances émergentes dans celle-ci, et promouvoir de nouvelles adhésions à "
                "l’OIM au sein de la sous-région. Fixe des priorités en matière d’élaboration de "
                "projets et de mobilisation des ressources, et stimule, dirige et soutient "
                "l’élaboration de projets au sein du groupe de bureaux dans le contexte des "
                "stratégies, politiques et processus consultatifs sous-régionaux."
            ),
            "es": (
                "Oficina en el país a la que se han asignado funciones de coordinación para "
                "atender las dinámicas migratorias propias de una subregión, dentro de la gran "
                "región geográfica que abarca una oficina regional. Contribuye a abordar las "
                "cuestiones migratorias propias de la subregión y las tendencias emergentes en "
                "ella, y a promover nuevas adhesiones a la OIM en la subregión. Establece "
                "prioridades en materia de elaboración de proyectos y movilización de recursos, y "
                "estimula, dirige y apoya la elaboración de proyectos en el grupo de oficinas, en "
                "el contexto de las estrategias, políticas y procesos consultivos subregionales."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": {
            "en": "Mediterranean",
            "fr": "Méditerranée",
            "es": "Mediterráneo",
        },
        "coordination": True,
        "parent": None,
    },
    {
        "slug": "beijing",
        "kind": "country_office",
        "name": {
            "en": "Country Office in Beijing",
            "fr": "Bureau de pays de Beijing",
            "es": "Oficina de País en Beijing",
        },
        "city": {
            "en": "Beijing",
            "fr": "Beijing",
            "es": "Beijing",
        },
        "country": "CN",
        "region": None,
        "description": {
            "en": (
                "A country office assigned coordinating functions to address the migration "
                "dynamics particular to a subregion, within the larger geographical region covered "
                "by a regional office. Helps to address the migration issues specific to the "
                "subregion and the emerging trends within it, and to promote new IOM membership "
                "within the subregion. Sets priorities for project development and resource "
                "mobilization, and stimulates, leads and supports project development within the "
                "cluster of offices in the context of subregional strategies, policies and "
                "consultative processes."
            ),
            "fr": (
                "Bureau de pays auquel ont été attribuées des fonctions de coordination pour "
                "s’occuper des dynamiques migratoires propres à une sous-région, à l’intérieur de "
                "la grande région géographique couverte par un bureau régional. Apporte son "
                "concours pour faire face aux questions de migration propres à la sous-région et "
                "aux tendances émergentes dans celle-ci, et promouvoir de nouvelles adhésions à "
                "l’OIM au sein de la sous-région. Fixe des priorités en matière d’élaboration de "
                "projets et de mobilisation des ressources, et stimule, dirige et soutient "
                "l’élaboration de projets au sein du groupe de bureaux dans le contexte des "
                "stratégies, politiques et processus consultatifs sous-régionaux."
            ),
            "es": (
                "Oficina en el país a la que se han asignado funciones de coordinación para "
                "atender las dinámicas migratorias propias de una subregión, dentro de la gran "
                "región geográfica que abarca una oficina regional. Contribuye a abordar las "
                "cuestiones migratorias propias de la subregión y las tendencias emergentes en "
                "ella, y a promover nuevas adhesiones a la OIM en la subregión. Establece "
                "prioridades en materia de elaboración de proyectos y movilización de recursos, y "
                "estimula, dirige y apoya la elaboración de proyectos en el grupo de oficinas, en "
                "el contexto de las estrategias, políticas y procesos consultivos subregionales."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": True,
        "parent": None,
    },
    {
        "slug": "iom-argentina",
        "kind": "country_office",
        "name": {
            "en": "IOM Argentina",
            "fr": "OIM Argentine",
            "es": "OIM Argentina",
        },
        "city": {
            "en": "Buenos Aires",
            "fr": "Buenos Aires",
            "es": "Buenos Aires",
        },
        "country": "AR",
        "region": None,
        "description": None,
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "international-cooperation-and-partnerships",
        "kind": "department",
        "name": {
            "en": "Department of International Cooperation and Partnerships",
            "fr": "Département de la coopération internationale et des partenariats",
            "es": "Departamento de Cooperación Internacional y Asociaciones",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The Department of International Cooperation and Partnerships is responsible "
                "for supporting and coordinating the Organization’s relations with its Member "
                "States, intergovernmental organizations, civil society and the media. It also "
                "provides advice and support on relations with governmental, multilateral and "
                "private sector donors. The Department leads and coordinates IOM’s forum "
                "activities, including the International Dialogue on Migration (IDM), IOM’s "
                "support to global and regional consultative processes, and the preparation of "
                "the annual sessions of the Organization’s governing bodies. It is also "
                "responsible for IOM’s communication and information functions. One of the "
                "Department’s main functions is to serve as the first point of contact for "
                "IOM’s external partners, responding to enquiries, organizing briefings and, "
                "more generally, providing information on the Organization and on migration "
                "issues and trends.\n\n"
                "The Department monitors developments in migration policy at the national and "
                "international levels, and promotes awareness and understanding of international "
                "migration law. In consultation with other units of the Organization, it develops "
                "and disseminates widely and consistently IOM’s institutional position on key "
                "migration issues and trends on the international stage. The Department is also "
                "responsible for keeping IOM staff informed of strategic planning and programme "
                "development, and for coordinating, promoting and disseminating new research, in "
                "particular on emerging issues. These functions involve contributing to the "
                "international debate on migration, closely following international meetings, "
                "setting priorities and ensuring appropriate representation."
            ),
            "fr": (
                "Le Département de la coopération internationale et des partenariats est "
                "chargé d’appuyer et de coordonner les relations de l’Organisation avec ses "
                "Etats Membres, les organisations intergouvernementales, la société civile et "
                "les médias. En outre, il donne des conseils et apporte un appui en ce qui "
                "concerne les relations avec les donateurs gouvernementaux, multilatéraux et "
                "ceux du secteur privé. Le Département dirige et coordonne les activités de "
                "forum de l’OIM, notamment le Dialogue international sur la migration (IDM), "
                "le soutien de l’OIM aux processus consultatifs mondiaux et régionaux, ainsi "
                "que la préparation des sessions annuelles des organes directeurs de "
                "l’Organisation. Il est également responsable des fonctions de communication "
                "et d’information de l’OIM. L’une des fonctions principales du Département "
                "consiste à faire fonction de premier interlocuteur des partenaires extérieurs "
                "de l’OIM, répondant aux demandes de renseignements, organisant des réunions "
                "d’information et, plus généralement, fournissant des informations sur "
                "l’Organisation et sur les questions et tendances migratoires.\n\n"
                "Le Département surveille l’évolution des politiques migratoires à l’échelle "
                "nationale et internationale, et fait connaître et comprendre le droit "
                "international de la migration. En consultation avec d’autres unités de "
                "l’Organisation, il élabore et diffuse largement et de manière cohérente la "
                "position institutionnelle de l’OIM sur des questions et tendances clés de la "
                "migration sur la scène internationale. Le Département est chargé, en outre, de "
                "tenir le personnel de l’OIM informé de la planification stratégique et de "
                "l’élaboration des programmes, et de coordonner, promouvoir et diffuser les "
                "nouveaux travaux de recherche, notamment en ce qui concerne les questions "
                "émergentes. Ces fonctions consistent à nourrir le débat international sur la "
                "migration, à suivre de près les réunions internationales, à déterminer les "
                "priorités et à veiller à une représentation appropriée."
            ),
            "es": (
                "El Departamento de Cooperación Internacional y Asociaciones se encarga de "
                "apoyar y coordinar las relaciones de la Organización con sus Estados "
                "Miembros, las organizaciones intergubernamentales, la sociedad civil y los "
                "medios de comunicación. Además, brinda asesoramiento y apoyo en lo que "
                "respecta a las relaciones con los donantes gubernamentales, multilaterales y "
                "del sector privado. El Departamento dirige y coordina las actividades de foro "
                "de la OIM, en particular el Diálogo Internacional sobre la Migración (DIM), "
                "el apoyo de la OIM a los procesos consultivos mundiales y regionales, y la "
                "preparación de las reuniones anuales de los órganos rectores de la "
                "Organización. También se encarga de las funciones de comunicación e "
                "información de la OIM. Una de las funciones principales del Departamento "
                "consiste en actuar como primer interlocutor de los asociados externos de la "
                "OIM, respondiendo a las solicitudes de información, organizando reuniones "
                "informativas y, en general, facilitando información sobre la Organización y "
                "sobre las cuestiones y tendencias migratorias.\n\n"
                "El Departamento sigue la evolución de las políticas migratorias a escala nacional "
                "e internacional, y promueve el conocimiento y la comprensión del derecho "
                "internacional sobre migración. En consulta con otras unidades de la Organización, "
                "elabora y difunde amplia y coherentemente la posición institucional de la OIM "
                "sobre cuestiones y tendencias migratorias clave en la escena internacional. "
                "Además, el Departamento se encarga de mantener al personal de la OIM informado de "
                "la planificación estratégica y la elaboración de programas, y de coordinar, "
                "promover y difundir las nuevas investigaciones, en particular en lo que respecta "
                "a las cuestiones emergentes. Estas funciones consisten en nutrir el debate "
                "internacional sobre la migración, seguir de cerca las reuniones internacionales, "
                "determinar las prioridades y velar por una representación adecuada."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": None,
    },
    {
        "slug": "governing-bodies",
        "kind": "division",
        "name": {
            "en": "Governing Bodies Division",
            "fr": "Division des organes directeurs",
            "es": "División de Órganos Rectores",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The Governing Bodies Division prepares and coordinates the annual meetings of "
                "IOM’s governing bodies, including the sessions of the Council, the Executive "
                "Committee and the Standing Committee on Programmes and Finance, informal "
                "consultations and the IDM. It is the focal point for information on meetings and "
                "documents, and is responsible for translating IOM’s official documents and "
                "publications into the Organization’s three official languages and, where "
                "appropriate, into other languages. Through the IDM and the support it provides to "
                "other dialogue forums, the Division monitors emerging migration issues and major "
                "trends in this field, enhances understanding of migration and its implications, "
                "and strengthens the capacities and cooperation mechanisms of governments and "
                "other relevant stakeholders so that they can address migration comprehensively "
                "and effectively."
            ),
            "fr": (
                "La Division des organes directeurs prépare et coordonne les réunions annuelles "
                "des organes directeurs de l’OIM, notamment les sessions du Conseil, du Comité "
                "exécutif et du Comité permanent des programmes et des finances, les consultations "
                "informelles, ainsi que l’IDM. Elle est le point de contact pour les informations "
                "relatives aux réunions et aux documents, et est chargée de traduire les documents "
                "et publications officiels de l’OIM dans les trois langues officielles de "
                "l’Organisation et, le cas échéant, dans d’autres langues. Grâce à l’IDM et à "
                "l’appui apporté à d’autres enceintes de dialogue, la Division suit les questions "
                "migratoires émergentes et les principales tendances dans ce domaine, améliore la "
                "compréhension de la migration et de ses incidences, et renforce les capacités et "
                "les mécanismes de coopération des gouvernements et des autres parties prenantes "
                "concernées pour qu’ils puissent faire face à la migration de manière globale et "
                "efficace."
            ),
            "es": (
                "La División de Órganos Rectores prepara y coordina las reuniones anuales de los "
                "órganos rectores de la OIM, en particular las reuniones del Consejo, del Comité "
                "Ejecutivo y del Comité Permanente de Programas y Finanzas, las consultas "
                "informales y el DIM. Es el punto de contacto para la información relativa a las "
                "reuniones y los documentos, y se encarga de traducir los documentos y "
                "publicaciones oficiales de la OIM a los tres idiomas oficiales de la Organización "
                "y, cuando procede, a otros idiomas. Gracias al DIM y al apoyo que presta a otros "
                "foros de diálogo, la División sigue las cuestiones migratorias emergentes y las "
                "principales tendencias en este ámbito, mejora la comprensión de la migración y de "
                "sus repercusiones, y fortalece las capacidades y los mecanismos de cooperación de "
                "los gobiernos y de otras partes interesadas pertinentes para que puedan encarar "
                "la migración de manera integral y eficaz."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": "international-cooperation-and-partnerships",
    },
    {
        "slug": "international-partnerships",
        "kind": "division",
        "name": {
            "en": "International Partnerships Division",
            "fr": "Division des partenariats internationaux",
            "es": "División de Asociaciones Internacionales",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The International Partnerships Division monitors and develops IOM’s inter-State "
                "and inter-agency partnerships. It supports and fosters partnerships with and "
                "among governments in order to enhance policy coherence and cooperation in "
                "migration management. It also facilitates the identification and sharing of "
                "effective practices on various migration issues, with a view to helping "
                "policymakers and practitioners address migration constructively and effectively. "
                "The Division develops and disseminates IOM’s contributions to State-led regional "
                "and global processes on migration, including the Global Forum on Migration and "
                "Development and the Global Migration Group. It also supports IOM’s participation "
                "in regional consultative processes (RCPs) as a member, partner, observer or "
                "service provider at the request of participating governments, and serves as the "
                "global focal point for information on RCPs and exchanges among them. It supports "
                "the Organization’s relations with governments, intergovernmental organizations, "
                "civil society and other multilateral institutions, and establishes a framework "
                "for regular and effective cooperation with partner intergovernmental "
                "organizations, including the United Nations."
            ),
            "fr": (
                "La Division des partenariats internationaux surveille et développe les "
                "partenariats de l’OIM à l’échelle inter-Etats et interinstitutions. Elle soutient "
                "et favorise les partenariats avec et entre les gouvernements, afin d’améliorer la "
                "cohérence des politiques et la coopération en matière de gestion Des migrations. "
                "Elle facilite en outre l’identification et la mise en commun des pratiques "
                "efficaces suivies sur diverses questions migratoires, dans le but d’aider les "
                "décideurs et les praticiens à faire face à la migration de manière constructive "
                "et efficace. La Division élabore et diffuse les contributions de l’OIM aux "
                "processus régionaux et mondiaux sur la migration pilotés par les Etats, notamment "
                "le Forum mondial sur la migration et le développement et le Groupe mondial sur la "
                "migration. Elle appuie également la participation de l’OIM aux processus "
                "consultatifs régionaux (PCR) en tant que membre, partenaire, observateur ou "
                "fournisseur de services à la demande des gouvernements participants, et joue le "
                "rôle de centre de coordination mondial pour les informations sur les PCR et les "
                "échanges entre eux. Elle appuie les relations de l’Organisation avec les "
                "gouvernements, les organisations intergouvernementales, la société civile et "
                "d’autres institutions multilatérales, et met en place un cadre de coopération "
                "régulière et efficace avec des organisations intergouvernementales partenaires, "
                "notamment les Nations Unies."
            ),
            "es": (
                "La División de Asociaciones Internacionales sigue y desarrolla las asociaciones "
                "de la OIM en el plano interestatal e interinstitucional. Apoya y fomenta las "
                "asociaciones con los gobiernos y entre ellos, a fin de mejorar la coherencia de "
                "las políticas y la cooperación en materia de gestión de la migración. Además, "
                "facilita la identificación y el intercambio de prácticas eficaces sobre diversas "
                "cuestiones migratorias, con el fin de ayudar a los responsables de la formulación "
                "de políticas y a los profesionales a encarar la migración de manera constructiva "
                "y eficaz. La División elabora y difunde las contribuciones de la OIM a los "
                "procesos regionales y mundiales sobre migración dirigidos por los Estados, en "
                "particular el Foro Mundial sobre Migración y Desarrollo y el Grupo Mundial sobre "
                "Migración. Asimismo, apoya la participación de la OIM en los procesos consultivos "
                "regionales (PCR) como miembro, asociado, observador o proveedor de servicios a "
                "petición de los gobiernos participantes, y actúa como centro de coordinación "
                "mundial de la información sobre los PCR y de los intercambios entre ellos. Apoya "
                "las relaciones de la Organización con los gobiernos, las organizaciones "
                "intergubernamentales, la sociedad civil y otras instituciones multilaterales, y "
                "establece un marco de cooperación periódica y eficaz con organizaciones "
                "intergubernamentales asociadas, en particular las Naciones Unidas."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": "international-cooperation-and-partnerships",
    },
    {
        "slug": "media-and-communication",
        "kind": "division",
        "name": {
            "en": "Media and Communications Division",
            "fr": "Division Médias et communication",
            "es": "División de Medios y Comunicación",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The Media and Communications Division promotes greater understanding and "
                "awareness of IOM as the leading intergovernmental organization in the field of "
                "migration, and is the main point of reference for external sources seeking "
                "information and advice on migration trends and issues. The Division formulates "
                "and implements an effective internal and external communication strategy designed "
                "to inform about the Organization and raise awareness of migration issues, so as "
                "to ensure that IOM is the organization of reference on the subject. It also works "
                "to place IOM at the heart of the broader ongoing debate on the humanitarian, "
                "socioeconomic, political, cultural and legal aspects of migration."
            ),
            "fr": (
                "La Division Médias et communication fait mieux comprendre et connaître l’OIM en "
                "tant que principale organisation intergouvernementale chargée des migrations, et "
                "est le principal pôle de référence pour les sources extérieures ayant besoin "
                "d’informations et d’avis sur les tendances et les questions migratoires. La "
                "Division formule et met en oeuvre une stratégie de communication interne et "
                "externe efficace destinée à informer sur l’Organisation et à sensibiliser aux "
                "questions migratoires, afin de faire en sorte que l’OIM soit l’organisation de "
                "référence sur la question. Elle s’emploie en outre à placer l’OIM au coeur du "
                "débat plus vaste en cours sur les aspects humanitaires, socioéconomiques, "
                "politiques, culturels et juridiques de la migration."
            ),
            "es": (
                "La División de Medios y Comunicación da a conocer y hace comprender mejor a la "
                "OIM como principal organización intergubernamental en el ámbito de la migración, "
                "y es el principal punto de referencia para las fuentes externas que necesitan "
                "información y asesoramiento sobre las tendencias y cuestiones migratorias. La "
                "División formula y aplica una estrategia eficaz de comunicación interna y externa "
                "destinada a informar sobre la Organización y a sensibilizar sobre las cuestiones "
                "migratorias, a fin de que la OIM sea la organización de referencia en la materia. "
                "Además, procura situar a la OIM en el centro del debate más amplio en curso sobre "
                "los aspectos humanitarios, socioeconómicos, políticos, culturales y jurídicos de "
                "la migración."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": "international-cooperation-and-partnerships",
    },
    {
        "slug": "donor-relations",
        "kind": "division",
        "name": {
            "en": "Donor Relations Division",
            "fr": "Division des relations avec les donateurs",
            "es": "División de Relaciones con los Donantes",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The Donor Relations Division is responsible within the Organization for donor "
                "liaison, proposal submissions and reporting. It aims to strengthen and diversify "
                "IOM’s collaboration with donors and other partners on IOM programmes and new "
                "strategic initiatives. It provides advice and tools for identifying donor "
                "priorities and matching them with IOM’s current and future programmes. To that "
                "end, it uses a range of complementary approaches, including bilateral "
                "consultations with traditional and non-traditional donors and with the private "
                "sector; it conducts field assessments and briefings for representatives of the "
                "international community, develops resource mobilization strategies and "
                "coordinates IOM’s input to multilateral funding mechanisms. The Division is also "
                "responsible for producing and publishing IOM’s annual appeal document, Migration "
                "Initiatives."
            ),
            "fr": (
                "La Division des relations avec les donateurs est chargée, au sein de "
                "l’Organisation, de la liaison avec les donateurs, des soumissions d’appel "
                "d’offres et de la production de rapports. Elle a pour but de renforcer et de "
                "diversifier la collaboration de l’OIM avec les bailleurs de fonds et autres "
                "partenaires sur les programmes de l’OIM et les nouvelles initiatives "
                "stratégiques. Elle fournit des conseils et des outils pour identifier les "
                "priorités des donateurs et les faire coïncider avec les programmes actuels et "
                "futurs de l’OIM. A cette fin, elle recourt à diverses approches complémentaires, "
                "notamment à des consultations bilatérales avec les donateurs traditionnels et non "
                "traditionnels et avec le secteur privé, procède à des évaluations sur le terrain "
                "et à des séances d’information à l’intention des représentants de la communauté "
                "internationale, élabore des stratégies de mobilisation des ressources, et "
                "coordonne les apports de l’OIM aux mécanismes multilatéraux de financement. La "
                "Division est responsable, en outre, de la production et de la publication du "
                "document annuel d’appel de fonds de l’OIM intitulé Migration Initiatives."
            ),
            "es": (
                "La División de Relaciones con los Donantes se encarga, en el seno de la "
                "Organización, del enlace con los donantes, de la presentación de propuestas y de "
                "la elaboración de informes. Su objetivo es fortalecer y diversificar la "
                "colaboración de la OIM con los donantes y otros asociados en los programas de la "
                "OIM y las nuevas iniciativas estratégicas. Proporciona asesoramiento y "
                "herramientas para identificar las prioridades de los donantes y hacerlas "
                "coincidir con los programas actuales y futuros de la OIM. Con ese fin, recurre a "
                "diversos enfoques complementarios, en particular consultas bilaterales con "
                "donantes tradicionales y no tradicionales y con el sector privado; realiza "
                "evaluaciones sobre el terreno y sesiones informativas para los representantes de "
                "la comunidad internacional, elabora estrategias de movilización de recursos y "
                "coordina las aportaciones de la OIM a los mecanismos multilaterales de "
                "financiación. Además, la División se encarga de la producción y publicación del "
                "documento anual de llamamiento de fondos de la OIM, titulado Migration "
                "Initiatives."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": "international-cooperation-and-partnerships",
    },
    {
        "slug": "migration-research",
        "kind": "division",
        "name": {
            "en": "Migration Research Division",
            "fr": "Division de la recherche sur la migration",
            "es": "División de Investigación sobre la Migración",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The Migration Research Division helps IOM field offices to design and carry out "
                "policy-oriented and operational research, while implementing its own research "
                "projects to improve programme delivery and enable the Organization to consolidate "
                "its role as the main point of reference on migration issues. It works to promote "
                "knowledge and understanding of international migration within and outside IOM, "
                "and is responsible for producing the World Migration Report, IOM’s flagship "
                "publication. The Division is also responsible for developing and coordinating the "
                "Organization’s overall publications and research strategy, and for producing "
                "IOM’s main publications, including the Migration Research Series."
            ),
            "fr": (
                "La Division de la recherche sur la migration aide les bureaux extérieurs de l’OIM "
                "à élaborer et mener des activités de recherche axées sur la formulation de "
                "politiques et des recherches opérationnelles, tout en mettant en oeuvre ses "
                "propres projets de recherche en vue d’améliorer la fourniture des programmes et "
                "de permettre à l’Organisation de consolider son rôle de pôle de référence "
                "principal sur les questions migratoires. Elle s’emploie à faire connaître et "
                "comprendre la migration internationale à l’intérieur et à l’extérieur de l’OIM, "
                "et est responsable de l’élaboration du Rapport Etat de la migration dans le "
                "monde, la publication phare de l’OIM. La Division est chargée, en outre, "
                "d’élaborer et de coordonner la stratégie globale de publication et de recherche "
                "de l’Organisation, et de produire les principales publications de l’OIM, y "
                "compris la série Migration Research."
            ),
            "es": (
                "La División de Investigación sobre la Migración ayuda a las oficinas exteriores "
                "de la OIM a elaborar y llevar a cabo actividades de investigación orientadas a la "
                "formulación de políticas e investigaciones operacionales, al tiempo que ejecuta "
                "sus propios proyectos de investigación con miras a mejorar la ejecución de los "
                "programas y permitir que la Organización consolide su función de principal punto "
                "de referencia sobre las cuestiones migratorias. Se esfuerza por dar a conocer y "
                "hacer comprender la migración internacional dentro y fuera de la OIM, y se "
                "encarga de la elaboración del Informe sobre las Migraciones en el Mundo, la "
                "publicación emblemática de la OIM. Además, la División se encarga de elaborar y "
                "coordinar la estrategia global de publicaciones e investigación de la "
                "Organización, y de producir las principales publicaciones de la OIM, incluida la "
                "serie Migration Research."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": "international-cooperation-and-partnerships",
    },
    {
        "slug": "international-migration-law",
        "kind": "unit",
        "name": {
            "en": "International Migration Law Unit",
            "fr": "Unité du droit international de la migration",
            "es": "Unidad de Derecho Internacional sobre Migración",
        },
        "city": None,
        "country": None,
        "region": None,
        "description": {
            "en": (
                "The International Migration Law Unit is the designated official focal point for "
                "promoting understanding of international migration law and raising awareness of "
                "the legal instruments that govern migration at the national, regional and global "
                "levels."
            ),
            "fr": (
                "L’Unité du droit international de la migration est l’interlocuteur officiel "
                "désigné pour promouvoir la compréhension du droit international de la migration "
                "et faire mieux connaître les instruments juridiques qui régissent la migration "
                "aux niveaux national, régional et mondial."
            ),
            "es": (
                "La Unidad de Derecho Internacional sobre Migración es el interlocutor oficial "
                "designado para promover la comprensión del derecho internacional sobre migración "
                "y dar a conocer mejor los instrumentos jurídicos que rigen la migración en los "
                "planos nacional, regional y mundial."
            ),
        },
        "resource_mobilization": False,
        "coordination_area": None,
        "coordination": False,
        "parent": "international-cooperation-and-partnerships",
    },
]
