debriefSearch.addShard("qu",{"query":[0,48],"queu":[2,134,2,144]});
