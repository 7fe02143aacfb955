debriefSearch.addPositions("sl",{"slow":[0,1,50]});
