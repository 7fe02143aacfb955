debriefSearch.addPositions("di",{"did":[0,1,69,1,1,97],"disabl":[0,1,105]});
