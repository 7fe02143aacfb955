debriefSearch.addPositions("h",{"h":[3,1,71]});
