Mapping: GkMaternalRecordToPwd
Id: pwd32
Title: "PWD 3.2 (Perinatale Wetenschappelijke Dataset)"
Source: GkMaternalRecord
Target: "https://www.perined.nl"
* -> "Zwangerschapsdossier (pregnancy record) context"
* identifier[pregnancyKey] -> "Zwangerschapssleutel (Nictiz cross-provider pregnancy key)"
* patient -> "Vrouw (Patient)"
* managingOrganization -> "Zorginstelling (healthcare provider)"
* team -> "Zorgverleners (care team)"
