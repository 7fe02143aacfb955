debriefSearch.addPositions("sc",{"scan":[0,1,72],"schedul":[1,1,174]});
