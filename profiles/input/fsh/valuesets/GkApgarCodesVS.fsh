ValueSet: GkApgarCodesVS
Id: gk-apgar-codes
Title: "Apgar score codes"
Description: "Apgarscore na 1, 5 en 10 minuten (LOINC codes for the Apgar score at 1, 5 and 10 minutes)."
* $loinc#9272-6 "1 minute Apgar Score"
* $loinc#9274-2 "5 minute Apgar Score"
* $loinc#9271-8 "10 minute Apgar Score"
