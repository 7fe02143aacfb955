debriefSearch.addShard("do",{"document":[1,15]});
