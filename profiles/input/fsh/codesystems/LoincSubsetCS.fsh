CodeSystem: LoincSubsetCS
Id: loinc-subset
Title: "LOINC (local subset)"
Description: """
Local subset of LOINC with only the codes this package binds to (birth weight, Apgar scores),
carried with the LOINC URL for offline validation: no LOINC distribution is available to the
server, and without it a required binding to LOINC codes (gk-apgar-codes) cannot be checked and
is refused. content = fragment: every other LOINC code stays valid (at most a warning). The
authoritative source is https://loinc.org (LOINC is copyright Regenstrief Institute, Inc.).
"""
* ^url = "http://loinc.org"
* ^caseSensitive = false
* ^content = #fragment
* ^copyright = "This material contains content from LOINC (http://loinc.org). LOINC is copyright © Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) Committee and is available at no cost under the license at http://loinc.org/license."
* #8339-4 "Birth weight Measured"
* #9272-6 "1 minute Apgar Score"
* #9274-2 "5 minute Apgar Score"
* #9271-8 "10 minute Apgar Score"
* #29463-7 "Body weight"
* #8310-5 "Body temperature"
