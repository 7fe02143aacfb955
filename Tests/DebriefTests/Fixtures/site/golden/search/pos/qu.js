debriefSearch.addPositions("qu",{"query":[0,3,36,31,58],"queu":[2,5,11,17,18,11,5,2,3,1,10,19]});
