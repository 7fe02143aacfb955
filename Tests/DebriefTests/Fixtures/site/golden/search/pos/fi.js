debriefSearch.addPositions("fi",{"filter":[0,5,5,30,30,25,14],"fir":[0,1,93,1,1,130,1,1,60]});
