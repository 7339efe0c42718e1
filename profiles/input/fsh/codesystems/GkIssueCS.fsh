CodeSystem: GkIssueCS
Id: gk-issue
Title: "Geboorteketen: soorten fouten"
Description: "Stabiele codes in OperationOutcome.issue.details.coding, zodat een koppeling op de soort fout kan beslissen; de tekst (diagnostics) is Nederlands en voor mensen."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #parameter-onbekend "Onbekende parameter" "De operatie declareert deze parameter niet (ook: een tikfout in de naam)."
* #parameter-ontbreekt "Parameter ontbreekt" "Een verplichte parameter (min >= 1) is niet meegegeven."
* #parameter-type "Verkeerd type" "De waarde is niet van het type dat de OperationDefinition noemt."
* #parameter-te-vaak "Parameter te vaak" "De parameter komt vaker voor dan max toestaat."
* #parameter-te-lang "Parameter te lang" "De tekst is langer dan de operatie bewaart (de documentatie van de parameter noemt het maximum)."
* #parameter-code "Onbekende code" "De code zit niet in de verplichte (required) ValueSet van de parameter."
* #parameter-verwijzing "Verkeerde verwijzing" "De verwijzing wijst naar een resourcetype dat de parameter niet toestaat."
* #parameter-alleen-post "Alleen met POST" "Een parameter van een complex type kan alleen in een Parameters-body met POST."
* #body-geen-parameters "Body is geen Parameters" "Een POST naar een operatie hoort een Parameters-resource als body te hebben."
