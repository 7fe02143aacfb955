debriefSearch.addPositions("fl",{"flag":[0,1,109]});
