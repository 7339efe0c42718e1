// Vulnerability (kwetsbaarheid), programmes and the facts the programme rules read.

CodeSystem: GkVulnerabilityCategoryCS
Id: vulnerability-category
Title: "Kwetsbaarheid zwangere vrouwen (Gemeente Rotterdam / Erasmus MC)"
Description: "De vier categorieën van de definitie 'Kwetsbaarheid - zwangere vrouwen' van de gemeente Rotterdam en het Erasmus MC (seed 004, bijlage 1)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #a "Zelfredzame zwangere vrouw" "Een zwangere vrouw bij wie risicofactoren momenteel geen rol spelen en bij wie de beschermende factoren in relatie tot haar zelfredzaamheid toereikend zijn om eventuele toekomstige risicofactoren op te vangen. Er is op dit moment geen extra ondersteuning nodig."
* #b "Potentieel kwetsbare zwangere vrouw" "Een zwangere vrouw bij wie de professional uit het sociale of medische domein één of meerdere (psycho)sociale of medische risicofactoren gesignaleerd heeft, die de zwangerschap negatief kunnen beïnvloeden. Vastgesteld is dat de beschermende factoren in relatie tot haar zelfredzaamheid in principe toereikend zijn. Om haar zelfredzaamheid te versterken en het ontstaan van problemen te voorkomen bespreken en beslissen de vrouw en de professional of extra ondersteuning nodig of gewenst is."
* #c "Kwetsbare zwangere vrouw" "Een zwangere vrouw bij wie de professional uit het sociale of medische domein één of meerdere (psycho)sociale of medische risicofactoren gesignaleerd heeft, die de zwangerschap negatief kunnen beïnvloeden. Vastgesteld is dat de beschermende factoren in relatie tot de zelfredzaamheid van de vrouw ontoereikend zijn. De professional en de vrouw bespreken en beslissen welke zorg en ondersteuning op maat vanuit één of meerdere disciplines nodig en/of gewenst is."
* #d "Zeer kwetsbare zwangere vrouw" "Een kwetsbare zwangere vrouw (zie c) bij wie de professional uit het sociale of medische domein één of meerdere urgente (psycho)sociale of medische risicofactoren gesignaleerd heeft, die de zwangerschap direct negatief kunnen beïnvloeden. De professional zorgt in samenspraak met de vrouw voor directe toeleiding naar juiste zorg- of hulpverlening."

ValueSet: GkVulnerabilityCategoryVS
Id: vulnerability-category
Title: "Kwetsbaarheidscategorie a-d"
Description: "Categorie a, b, c of d van de kwetsbaarheidsdefinitie."
* include codes from system GkVulnerabilityCategoryCS

CodeSystem: GkVulnerabilityFactorCS
Id: vulnerability-factor
Title: "Risicofactoren en beschermende factoren (kwetsbaarheid)"
Description: "Risicofactoren en beschermende factoren uit de kwetsbaarheidsdefinitie (seed 004 §1.2, §3.6)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #risico "Risicofactor" "Een factor die de zwangerschap negatief kan beïnvloeden."
  * #psychosociaal "Psychosociale problematiek" "Psychische of sociale problemen, ook verslaving."
  * #armoede-schulden "Armoede of schulden" "Financiële problemen, laag inkomen, schulden."
  * #zorgmijding "Vermijden van zorg" "Weinig vertrouwen in hulpverlening; zorg mijden."
  * #leefstijl "Leefstijlproblemen" "Roken, alcohol, drugs, slechte voeding."
  * #beperkt-netwerk "Beperkt sociaal netwerk" "Weinig mensen om op terug te vallen."
  * #urgent "Urgente risicofactor" "Een risicofactor die de zwangerschap direct negatief kan beïnvloeden (categorie d)."
* #beschermend "Beschermende factor" "Een factor die de zelfredzaamheid steunt."
  * #ondersteunend-netwerk "Ondersteunend sociaal netwerk" "Familie, vrienden of buren die helpen."
  * #opvoedvaardigheden "Voldoende opvoedvaardigheden" "De ouders kunnen voor het kind zorgen."
  * #stabiel-gezinsklimaat "Stabiel gezinsklimaat" "Een stabiele thuissituatie."

ValueSet: GkVulnerabilityFactorVS
Id: vulnerability-factor
Title: "Risicofactoren en beschermende factoren"
Description: "Alle factoren uit de kwetsbaarheidsdefinitie."
* include codes from system GkVulnerabilityFactorCS

CodeSystem: GkProgrammeCS
Id: support-programme
Title: "Ondersteuningsprogramma's"
Description: "Programma's waarvoor de server de criteria kent (regeltabel Library/ondersteuningsprogrammas). Een regio voegt een programma toe met een eigen code in een eigen systeem."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #voorzorg "VoorZorg" "Huisbezoeken (gem. 2 per maand) tot het kind 2 jaar is; eerste kind, jonge moeder, laag opgeleid."
* #stevig-ouderschap "Stevig Ouderschap" "6 huisbezoeken van ongeveer 90 minuten; kind jonger dan 6 maanden."
* #babythuiszorg "BabythuisZorg" "Flexibele ondersteuning door kraamverzorgenden tot het kind ongeveer 1 jaar is."
* #geboortezorg-flex-pijler-1 "Geboortezorg Flex pijler 1" "Vergoeding van de wettelijke eigen bijdrage kraamzorg."
* #geboortezorg-flex-pijler-2 "Geboortezorg Flex pijler 2" "Flexibele kraamzorg na de 10e dag tot 6 maanden na de geboorte."

ValueSet: GkProgrammeVS
Id: support-programme
Title: "Ondersteuningsprogramma's"
Description: "De programma's uit het pakket (extensible: een regio voegt eigen codes toe)."
* include codes from system GkProgrammeCS

CodeSystem: GkEducationLevelCS
Id: education-level
Title: "Opleidingsniveau"
Description: "Hoogst afgeronde of gevolgde opleiding, in oplopende volgorde (VoorZorg: maximaal VMBO-t)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #geen "Geen of basisonderwijs" "Geen opleiding of alleen basisonderwijs."
* #vmbo-b "VMBO basisberoepsgerichte leerweg" "VMBO-b."
* #vmbo-k "VMBO kaderberoepsgerichte leerweg" "VMBO-k."
* #vmbo-t "VMBO theoretische of gemengde leerweg" "VMBO-t / VMBO-gl / mavo."
* #mbo-1 "MBO niveau 1" "Entreeopleiding."
* #mbo-2-4 "MBO niveau 2-4" "MBO 2, 3 of 4."
* #havo-vwo "HAVO of VWO" "HAVO of VWO."
* #hbo-wo "HBO of WO" "Hoger onderwijs."

ValueSet: GkEducationLevelVS
Id: education-level
Title: "Opleidingsniveau"
Description: "Opleidingsniveaus."
* include codes from system GkEducationLevelCS

CodeSystem: GkGezinsplanActivityCS
Id: gezinsplan-activity
Title: "Soorten activiteit in een gezinsplan"
Description: "Wat een activiteit van een gezinsplan is, naast een programma."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #evaluatie "Evaluatiemoment" "Een afgesproken moment waarop het gezin en de netwerkpartners het plan evalueren; de uitkomst staat in activity.outcomeCodeableConcept en activity.progress."
* #steun "Afgesproken steun" "Steun die geen programma uit de regeltabel is (sociaal domein, huisarts, …)."

CodeSystem: GkEvaluationOutcomeCS
Id: gezinsplan-evaluation-outcome
Title: "Uitkomst van een evaluatiemoment"
Description: "Uitkomst van een evaluatie van het gezinsplan."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #doelen-bereikt "Doelen bereikt" "De doelen zijn bereikt; de steun kan worden afgeschaald."
* #bijstellen "Plan bijgesteld" "Het plan is bijgesteld; een nieuwe versie volgt."
* #voortzetten "Voortzetten" "De steun loopt door zoals afgesproken."

CodeSystem: GkEpisodeTypeCS
Id: episode-type
Title: "Soorten EpisodeOfCare"
Description: "Marks an EpisodeOfCare that is not a maternal record."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #programma-inschrijving "Inschrijving in een ondersteuningsprogramma" "The family takes part in the programme named by the other type coding."
