debriefSearch.addPositions("ap",{"app":[4,2,54,31]});
