debriefSearch.setManifest({"count":5,"k1":1.2,"weightScale":10.0,"prefixWeight":0.8,"maxPrefixExpansions":30,"minimumPrefixLength":3,"docsPerShard":32,"split":[]});
